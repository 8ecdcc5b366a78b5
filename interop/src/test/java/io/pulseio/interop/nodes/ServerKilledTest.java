package io.pulseio.interop.nodes;

import io.pulseio.interop.NodeServer;
import org.junit.jupiter.api.Test;

/**
 * The server is killed mid-run and started again on the same port: On Stop and On Error say why, the
 * connection comes back by itself (On Start again), and a send issued while it was away is delivered.
 */
class ServerKilledTest {

    @Test
    void theConnectionSurvivesTheServerGoingAwayAndComingBack() throws Exception {
        try (NodeServer server = NodeServer.start();
                GoldenRun run = GoldenRun.start("killed", server)) {
            run.awaitLine("started"::equals);
            server.kill();
            run.awaitLine(line -> line.startsWith("stopped: "));
            server.restart();
            run.awaitExitAndCompare("nodes/killed");
        }
    }
}
