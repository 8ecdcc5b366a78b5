package io.pulseio.client.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The words of failures that real sockets cannot produce on demand in a test (see ConnectFailureWordsTest). */
class FailuresTest {
    @Test
    void socketAddressesLoseTheStraySlashAndTheDoubledHost() {
        assertThat(Failures.addresses("Connection refused: /127.0.0.1:1")).isEqualTo("Connection refused: 127.0.0.1:1");
        assertThat(Failures.addresses("Connection refused: localhost/127.0.0.1:3000"))
                .isEqualTo("Connection refused: localhost:3000 (127.0.0.1)");
        assertThat(Failures.addresses("x: localhost/[0:0:0:0:0:0:0:1]:3000 y"))
                .isEqualTo("x: localhost:3000 ([0:0:0:0:0:0:0:1]) y");
        assertThat(Failures.addresses("a/b c/d 1/2")).isEqualTo("a/b c/d 1/2");
    }

    @Test
    void aTcpConnectTimeoutSaysWhatTimedOutAndAfterHowLong() {
        assertThat(Failures.describe(new ConnectTimeoutException("connection timed out after 21000 ms: /10.1.2.3:80")))
                .isEqualTo("no TCP connection to 10.1.2.3:80 within 21 s (connect timeout)");
        assertThat(Failures.describe(new IOException(
                        "wrapped",
                        new ConnectTimeoutException("connection timed out after 1500 ms: host/10.1.2.3:80"))))
                .isEqualTo("no TCP connection to host:80 (10.1.2.3) within 1500 ms (connect timeout)");
    }

    @Test
    void certificateProblemsAreNamedWhereverTheyAreInTheChain() {
        CertificateExpiredException expired = new CertificateExpiredException("NotAfter: Mon Jan 01 2024");
        assertThat(Failures.describe(new RuntimeException(new SSLHandshakeException("x") {
                    {
                        initCause(new CertificateException("validity", expired));
                    }
                })))
                .isEqualTo("the server's certificate has expired (NotAfter: Mon Jan 01 2024)");
        SSLHandshakeException other = new SSLHandshakeException("Received fatal alert: handshake_failure");
        assertThat(Failures.describe(new RuntimeException(other)))
                .isEqualTo("TLS handshake failed: Received fatal alert: handshake_failure");
    }

    @Test
    void otherFailuresKeepTheirMessage() {
        assertThat(Failures.describe(new TimeoutException("no Engine.IO handshake within 5000 ms")))
                .isEqualTo("no Engine.IO handshake within 5000 ms");
        assertThat(Failures.describe(new UnknownHostException("nosuch.invalid")))
                .isEqualTo("unknown host: nosuch.invalid");
        assertThat(Failures.describe(new ConnectException("Connection refused: /127.0.0.1:1")))
                .isEqualTo("Connection refused: 127.0.0.1:1");
        assertThat(Failures.describe(new IOException())).isEqualTo("IOException");
        assertThat(Failures.describe(null)).isEqualTo("unknown failure");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(Failures.duration(20_000)).isEqualTo("20 s");
        assertThat(Failures.duration(300)).isEqualTo("300 ms");
        assertThat(Failures.duration(1500)).isEqualTo("1500 ms");
    }
}
