package io.pulseio.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * An emit given before the socket or the client leaves is sent, ahead of the DISCONNECT: the
 * emit's task may still be queued on the loop when close() marks the client closed on the
 * caller's thread.
 */
class EmitBeforeLeavingTest {

    private static Socket connected(Harness h) {
        Socket socket = h.manager.socket("/");
        socket.addListener(h.recorder("/"));
        socket.connect();
        h.run();
        h.engine().acceptOpen();
        h.engine().receive("0{\"sid\":\"s1\"}");
        h.run();
        h.engine().takeTexts();
        h.takeEvents();
        return socket;
    }

    @Test
    void anEmitGivenBeforeCloseIsSentBeforeTheDisconnect() {
        Harness h = new Harness(Harness.options());
        Socket socket = connected(h);
        socket.emit("last", "x");
        h.manager.close(); // the emit's task has not run yet
        h.run();
        assertThat(h.engine().takeTexts()).containsExactly("2[\"last\",\"x\"]", "1");
        assertThat(h.takeEvents()).containsExactly("/ disconnect io client disconnect", "close forced close");
        h.close();
    }

    @Test
    void anEmitGivenBeforeDisconnectAndCloseIsSentFirst() {
        Harness h = new Harness(Harness.options());
        Socket socket = connected(h);
        socket.emit("last", "x");
        socket.disconnect();
        h.manager.close();
        h.run();
        assertThat(h.engine().takeTexts()).containsExactly("2[\"last\",\"x\"]", "1");
        assertThat(h.engine().closed).isTrue();
        h.close();
    }

    @Test
    void anEmitGivenAfterCloseIsNotSent() {
        Harness h = new Harness(Harness.options());
        Socket socket = connected(h);
        h.manager.close();
        socket.emit("late");
        CompletableFuture<List<JsonNode>> reply = socket.emitWithAck("late-with-ack");
        h.run();
        assertThat(h.engine().takeTexts()).containsExactly("1");
        assertThatThrownBy(reply::join).hasRootCauseMessage("client closed");
        h.close();
    }
}
