package io.pulseio.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.client.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A socket that is joining ignores another connect(): socket.io closes the whole connection ("invalid
 * state") when a second CONNECT reaches it for a namespace it has joined. Over a fake engine, in
 * virtual time.
 */
class ConnectWhileJoiningTest {

    @Test
    void connectWhileTheConnectAwaitsItsAnswerWritesNoSecondConnect() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = h.manager.socket("/");
            socket.connect();
            h.run();
            h.engine().acceptOpen();
            assertThat(h.engine().takeTexts()).containsExactly("0");
            socket.emit("a", 1);
            socket.connect();
            socket.emit("b", 2);
            socket.connect();
            h.run();
            assertThat(h.engine().takeTexts()).as("nothing before the answer").isEmpty();
            h.engine().receive("0{\"sid\":\"s1\"}");
            h.run();
            assertThat(h.engine().takeTexts()).containsExactly("2[\"a\",1]", "2[\"b\",2]");
        }
    }

    @Test
    void connectsIssuedBeforeTheEngineOpensWriteOneConnect() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = h.manager.socket("/chat");
            for (int i = 0; i < 5; i++) {
                socket.connect();
                socket.emit("n", i);
            }
            h.run();
            h.engine().acceptOpen();
            socket.connect();
            h.run();
            assertThat(h.engine().takeTexts()).containsExactly("0/chat,");
            h.engine().receive("0/chat,{\"sid\":\"c1\"}");
            h.run();
            assertThat(h.engine().takeTexts())
                    .containsExactly(
                            "2/chat,[\"n\",0]",
                            "2/chat,[\"n\",1]",
                            "2/chat,[\"n\",2]",
                            "2/chat,[\"n\",3]",
                            "2/chat,[\"n\",4]");
        }
    }

    @Test
    void connectWhileARetryWaitsOutItsDelayWaitsForTheRetry() {
        try (Harness h = new Harness(Harness.options().connectTimeout(Duration.ofSeconds(5)))) {
            Socket socket = h.manager.socket("/");
            socket.connect();
            h.run();
            h.engine().acceptOpen();
            h.engine().takeTexts();
            h.advance(5000);
            assertThat(h.engine().takeTexts())
                    .as("the unanswered join is undone")
                    .containsExactly("1");
            socket.connect();
            h.run();
            assertThat(h.engine().takeTexts()).isEmpty();
            h.advance(1000);
            assertThat(h.engine().takeTexts()).as("the retry, once").containsExactly("0");
        }
    }

    @Test
    void connectAfterTheLastRetryGaveUpJoinsAgain() {
        try (Harness h = new Harness(
                Harness.options().connectTimeout(Duration.ofSeconds(5)).reconnection(false))) {
            Socket socket = h.manager.socket("/");
            socket.connect();
            h.run();
            h.engine().acceptOpen();
            h.engine().takeTexts();
            h.advance(5000);
            assertThat(h.engine().takeTexts()).containsExactly("1");
            h.advance(60_000);
            assertThat(h.engine().takeTexts())
                    .as("no retry without reconnection")
                    .isEmpty();
            socket.connect();
            h.run();
            assertThat(h.engine().takeTexts()).containsExactly("0");
        }
    }

    @Test
    void afterALostConnectionTheRejoinIsOneConnect() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = h.manager.socket("/");
            socket.connect();
            h.run();
            h.engine().acceptOpen();
            h.engine().receive("0{\"sid\":\"s1\"}");
            h.engine().takeTexts();
            h.engine().drop("transport close");
            h.advance(1000);
            h.engine().acceptOpen();
            socket.connect();
            h.run();
            assertThat(h.engine().takeTexts()).containsExactly("0");
        }
    }
}
