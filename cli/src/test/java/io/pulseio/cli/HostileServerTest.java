package io.pulseio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pulseio.server.ConnectionRefusedException;
import io.pulseio.server.Middleware;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server (pulseio's own, whose middleware refuses with any message) that answers CONNECT with
 * terminal escape sequences or with 900 KB: the command prints the refusal escaped and capped.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileServerTest {
    private static final String ESCAPES = "\u001b[2J\u001b]0;owned\u0007\u001b[31mred\u009b1m\r\nforged line";

    @TempDir
    Path tmp;

    private SocketIoServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String refusingWith(ConnectionRefusedException refusal) {
        server = SocketIoServer.create(
                ServerOptions.builder().port(0).ioThreads(1).build());
        server.sockets().use(Middleware.sync(socket -> {
            throw refusal;
        }));
        return "http://127.0.0.1:" + server.start();
    }

    @Test
    void escapeSequencesInARefusalArePrintedEscaped() {
        String url = refusingWith(new ConnectionRefusedException(
                ESCAPES, JsonNodeFactory.instance.objectNode().put("why", "\u009b2J")));

        Cli.Result r = Cli.run("emit", url, "hello", "--timeout", "5s");

        assertThat(r.exitCode()).isEqualTo(69);
        assertThat(r.err().lines())
                .singleElement()
                .isEqualTo("pulseio: cannot connect to " + url
                        + " (namespace /): \\u001b[2J\\u001b]0;owned\\u0007\\u001b[31mred\\u009b1m\\r\\nforged line"
                        + " {\"why\":\"\\u009b2J\"}");
        assertThat(r.err().chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f))
                .isEmpty();
    }

    @Test
    void aHugeRefusalIsCapped() {
        String url = refusingWith(new ConnectionRefusedException("x".repeat(900_000)));

        Cli.Result r = Cli.run("emit", url, "hello", "--timeout", "5s");

        assertThat(r.exitCode()).isEqualTo(69);
        String line = r.err().lines().findFirst().orElseThrow();
        assertThat(line).endsWith(": " + "x".repeat(1000) + "… (899000 more characters)");
        assertThat(r.err().length()).isLessThan(1200);
    }

    @Test
    void aCaFileThatIsNoCertificateIsAUsageError() throws Exception {
        Path notACert = tmp.resolve("notes.txt");
        Files.writeString(notACert, "just some text\n");

        Cli.Result r = Cli.run("emit", "https://127.0.0.1:1", "hello", "--ca", notACert.toString());

        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err())
                .startsWith("--ca " + notACert + " is not a certificate file: give the server's "
                        + "certificate, or the CA certificate that signed it, in PEM (-----BEGIN CERTIFICATE-----)")
                .doesNotContain("internal error");
    }
}
