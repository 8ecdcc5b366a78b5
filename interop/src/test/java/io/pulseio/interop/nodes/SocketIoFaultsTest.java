package io.pulseio.interop.nodes;

import io.pulseio.interop.NodeServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults end in the documented On Socket.IO Error and the run goes on (each project does more work after
 * its error and only then stops): send before start, a send right after a stop (its On Error runs in place of
 * its branch, before On Stop), invalid JSON in JSON mode, a refused namespace, a send buffer overflow, and the
 * server killed mid-run ({@link ServerKilledTest}).
 */
class SocketIoFaultsTest {
    @RegisterExtension
    static final NodeServer server = NodeServer.perClass();

    @Test
    void sendBeforeStartIsNotStarted() throws Exception {
        GoldenRun.check("send_before_start", server);
    }

    @Test
    void invalidJsonInJsonModeIsAnInvalidMessage() throws Exception {
        GoldenRun.check("json_invalid", server);
    }

    @Test
    void aRefusedNamespacePassesTheServersMessageOn() throws Exception {
        GoldenRun.check("refused", server);
    }

    /** With {@code settings.core.unhandledErrors: stop}, the same refusal with no On Socket.IO Error ends the run (1). */
    @Test
    void anErrorNobodyHandlesStopsTheRunWhenTheProjectSaysSo() throws Exception {
        GoldenRun.check("unhandled_stop", server);
    }

    @Test
    void aSendAfterAStopFailsAndItsOnErrorRunsAtOnceBeforeOnStop() throws Exception {
        GoldenRun.check("stop_then_send", server);
    }

    @Test
    void sendsBeyondTheSendBufferAreSendBufferFull() throws Exception {
        GoldenRun.check("buffer_overflow", server);
    }
}
