package io.pulseio.client.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class CausesTest {
    @Test
    void nativeErrorsLoseTheirSystemCallPrefix() {
        IOException reset = new IOException("recvAddress(..) failed: Connection reset by peer");
        Throwable plain = Causes.plain(reset);
        assertThat(plain).isExactlyInstanceOf(IOException.class).hasCause(reset).hasMessage("Connection reset by peer");
    }

    @Test
    void aRefusedNativeConnectStaysAConnectException() {
        ConnectException refused =
                new ConnectException("finishConnect(..) failed with error(-111): Connection refused: /127.0.0.1:1");
        Throwable plain = Causes.plain(refused);
        assertThat(plain)
                .isExactlyInstanceOf(ConnectException.class)
                .hasCause(refused)
                .hasMessage("Connection refused: /127.0.0.1:1");
    }

    @Test
    void everythingElseIsLeftAlone() {
        IOException nio = new ConnectException("Connection refused: /127.0.0.1:1");
        assertThat(Causes.plain(nio)).isSameAs(nio);
        IllegalStateException other = new IllegalStateException("x(..) failed: y");
        assertThat(Causes.plain(other)).isSameAs(other);
        IOException noMessage = new IOException();
        assertThat(Causes.plain(noMessage)).isSameAs(noMessage);
        assertThat(Causes.plain(null)).isNull();
    }
}
