package io.pulseio.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseio.client.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Emits that are rejected at the call: the message names the problem and nothing is sent. */
class EmitErrorsTest {

    /** A bean whose getter throws, so Jackson cannot turn it into JSON. */
    public static final class Unconvertible {
        public String getValue() {
            throw new IllegalStateException("getter fails");
        }
    }

    private static Socket connected(Harness h) {
        Socket socket = h.manager.socket("/");
        socket.connect();
        h.run();
        h.engine().acceptOpen();
        assertThat(h.engine().takeTexts()).containsExactly("0");
        h.engine().receive("0{\"sid\":\"s1\"}");
        h.run();
        return socket;
    }

    @Test
    void anUnconvertibleArgumentIsRejectedAndNothingIsSent() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            assertThatThrownBy(() -> socket.emit("e", 1, new Unconvertible()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cannot convert a " + Unconvertible.class.getName() + " to JSON: ")
                    .hasMessageContaining("getter fails");
            assertThatThrownBy(() -> socket.emitWithAck(Duration.ofSeconds(1), "e", new Unconvertible()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cannot convert a " + Unconvertible.class.getName() + " to JSON: ");
            h.run();
            assertThat(h.engine().takeTexts()).isEmpty();
            socket.emit("ok", 1);
            h.run();
            assertThat(h.engine().takeTexts()).containsExactly("2[\"ok\",1]");
        }
    }

    @Test
    void aNonPositiveAckTimeoutIsRejectedAndNothingIsSent() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            assertThatThrownBy(() -> socket.emitWithAck(Duration.ZERO, "e"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timeout must be positive, was 0 ms");
            assertThatThrownBy(() -> socket.emitWithAck(Duration.ofMillis(-3), "e"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timeout must be positive, was -3 ms");
            assertThatThrownBy(() -> socket.emitWithAck((Duration) null, "e"))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("timeout");
            h.run();
            assertThat(h.engine().takeTexts()).isEmpty();
        }
    }
}
