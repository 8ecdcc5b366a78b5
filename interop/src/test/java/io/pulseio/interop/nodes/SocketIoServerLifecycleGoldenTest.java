package io.pulseio.interop.nodes;

import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of a hosted server's lifecycle around the edges: a port that another server holds
 * ({@code nodes/bind_error.json}, 127.0.0.1:29023), their completion outputs (29025), and Server Start / Server Stop issued while a start or a
 * stop is still in progress ({@code nodes/server_start_stop_overlap.json}, 127.0.0.1:29024).
 */
class SocketIoServerLifecycleGoldenTest {

    /**
     * Another server (ours, started by the test) holds the port: Server Start reports {@code bind error} and the
     * server stays stopped, so Server Emit is {@code not started}. The test frees the port once it sees that,
     * and the project's next Server Start (a second later) listens.
     */
    @Test
    void startOnAPortAnotherServerHoldsIsABindErrorAndTheServerStaysStopped() throws Exception {
        SocketIoServer holder = SocketIoServer.create(
                ServerOptions.builder().host("127.0.0.1").port(29023).build());
        holder.start();
        try (GoldenRun run = GoldenRun.start("bind_error")) {
            try {
                run.awaitLine(line -> line.startsWith("server error: not started"));
            } finally {
                holder.close();
            }
            run.awaitExitAndCompare("nodes/bind_error");
        }
    }

    /**
     * Each scene issues Starts and Stops back to back, before the first has finished: the last one wins, a
     * second Start or Stop of the same kind does nothing, and On Server Start / On Server Stop fire only for a
     * server that really listened (a Start abandoned by a Stop fires neither).
     */
    @Test
    void startsAndStopsIssuedWhileOneIsInProgressEndAsTheLastOneSays() throws Exception {
        try (GoldenRun run = GoldenRun.start("server_start_stop_overlap")) {
            run.awaitLine(line -> line.equals("Stop, Stop")); // on a hang, says how far it got
            run.awaitExitAndCompare("nodes/server_start_stop_overlap");
        }
    }

    /**
     * Server Start's {@code started} gives the port after On Server Start, and at once on a server that listens;
     * Server Stop's {@code stopped} fires after On Server Stop, and at once on a server never started
     * ({@code nodes/server_completions.json}, 127.0.0.1:29025).
     */
    @Test
    void serverStartAndStopCompleteAfterTheirListeners() throws Exception {
        GoldenRun.check("server_completions");
    }
}
