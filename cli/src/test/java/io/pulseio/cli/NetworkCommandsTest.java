package io.pulseio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** emit, listen and serve against the pulseio server, in-process, on free ports. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetworkCommandsTest {
    private SocketIoServer server;
    private String url;

    @BeforeEach
    void startServer() {
        server = SocketIoServer.create(
                ServerOptions.builder().port(0).ioThreads(1).build());
        server.sockets().onConnection(socket -> {
            socket.on("echo", (args, ack) -> {
                if (ack != null) {
                    ack.send(args.toArray());
                }
            });
            socket.on("news?", (args, ack) -> {
                socket.namespace().emit("noise", 0);
                socket.namespace().emit("news", "one");
                socket.namespace().emit("news", JsonText.object("n", 2));
                socket.namespace().emit("news", "three");
            });
        });
        url = "http://localhost:" + server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void emitWithAckPrintsTheAnswerAsJson() {
        Cli.Result r = Cli.run("emit", url, "echo", "\"a\"", "{\"b\":1}", "--json", "--ack", "--timeout", "5s");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("[\"a\",{\"b\":1}]" + System.lineSeparator());
    }

    @Test
    void emitSendsArgumentsAsStringsWithoutJson() {
        Cli.Result r = Cli.run("emit", url, "echo", "1", "true", "--ack", "--transport", "websocket");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("[\"1\",\"true\"]" + System.lineSeparator());
    }

    @Test
    void anAckWithTerminalControlsIsPrintedAsJsonThatEscapesThem() {
        Cli.Result r = Cli.run("emit", url, "echo", "\u001b[2J\u009b31m\u007f\u202e", "--ack", "--timeout", "5s");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("[\"\\u001B[2J\\u009B31m\\u007F\\u202E\"]" + System.lineSeparator());
    }

    @Test
    void emitToAnUnreachableServerExits69() {
        server.close();

        Cli.Result r = Cli.run("emit", url, "echo", "--timeout", "2s");

        assertThat(r.exitCode()).isEqualTo(69);
        assertThat(r.err()).startsWith("pulseio: cannot connect to " + url).doesNotContain("Exception");
    }

    @Test
    void emitToARefusedNamespaceExits69() {
        Cli.Result r = Cli.run("emit", url + "/nowhere", "echo", "--timeout", "2s");

        assertThat(r.exitCode()).isEqualTo(69);
        assertThat(r.err()).contains("namespace /nowhere").contains("Invalid namespace");
    }

    @Test
    void listenPrintsTheChosenEventsAsJsonLinesUntilTheCount() throws Exception {
        Cli.Live listen = new Cli.Live();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(
                () -> listen.execute("listen", url, "news", "--count", "2", "--duration", "20s"));
        awaitText(listen, "listening to");

        assertThat(Cli.run("emit", url, "news?").exitCode()).isZero();

        assertThat(code.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(listen.out.toString().lines())
                .containsExactly(
                        "{\"namespace\":\"/\",\"event\":\"news\",\"args\":[\"one\"]}",
                        "{\"namespace\":\"/\",\"event\":\"news\",\"args\":[{\"n\":2}]}");
    }

    @Test
    void listenStopsAfterTheDuration() {
        Cli.Result r = Cli.run("listen", url, "--duration", "300ms");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void serveEchoesAndPrintsItsPortOnceBound() throws Exception {
        Cli.Live serve = new Cli.Live();
        Thread thread = new Thread(() -> serve.execute("serve", "--port", "0", "--echo"));
        thread.start();
        try {
            int port = awaitPort(serve);

            Cli.Result r = Cli.run("emit", "http://localhost:" + port + "/any", "hi", "there", "--ack");

            assertThat(r.out()).isEqualTo("[\"there\"]" + System.lineSeparator());
            assertThat(serve.err.toString()).contains("connect ").contains(" /any ");
        } finally {
            thread.interrupt();
            thread.join(10_000);
        }
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void serveLogsWhatClientsSendWithTheirTerminalControlsEscaped() throws Exception {
        Cli.Live serve = new Cli.Live();
        Thread thread = new Thread(() -> serve.execute("serve", "--port", "0", "--log"));
        thread.start();
        try {
            int port = awaitPort(serve);
            String nasty = "evil\u001b[2J\u0085\u2029\u007f";
            Cli.Result r =
                    Cli.run("emit", "http://localhost:" + port, nasty, "x\u009b1m", "--namespace", "/a\u001b[31mred");

            assertThat(r.exitCode()).as(r.err()).isZero();
            String out = awaitStdout(serve, "evil");
            assertThat(out).contains("evil\\u001B[2J\\u0085\\u2029\\u007F").contains("x\\u009B1m");
            assertThat(out).doesNotContain("\u001b").doesNotContain("\u0085").doesNotContain("\u2029");
            assertThat(serve.err.toString()).contains("/a\\u001B[31mred").doesNotContain("\u001b");
        } finally {
            thread.interrupt();
            thread.join(10_000);
        }
        assertThat(thread.isAlive()).isFalse();
    }

    private static String awaitStdout(Cli.Live live, String text) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String out = live.out.toString();
            if (out.contains(text)) {
                return out;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no '" + text + "' on stdout within 5 s: " + live.out);
    }

    @Test
    void serveWithAdminLetsTheAdminUiLogInWithItsCredentialsOnly() throws Exception {
        Cli.Live serve = new Cli.Live();
        Thread thread =
                new Thread(() -> serve.execute("serve", "--port", "0", "--admin", "ops:pa:ss", "--admin-read-only"));
        thread.start();
        try {
            int port = awaitPort(serve);
            String admin = "http://localhost:" + port + "/admin";

            Cli.Result in =
                    Cli.run("listen", admin, "--auth", "{\"username\":\"ops\",\"password\":\"pa:ss\"}", "--count", "3");
            Cli.Result out =
                    Cli.run("listen", admin, "--auth", "{\"username\":\"ops\",\"password\":\"pa\"}", "--count", "3");

            assertThat(in.exitCode()).as(in.err()).isZero();
            assertThat(in.out()).contains("\"supportedFeatures\":[\"AGGREGATED_EVENTS\",\"ALL_EVENTS\"]");
            assertThat(out.exitCode()).isEqualTo(69);
            assertThat(out.err()).contains("invalid credentials");
        } finally {
            thread.interrupt();
            thread.join(10_000);
        }
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void serveInSocketIoConformanceModeAcknowledgesMessageWithAck() throws Exception {
        Cli.Live serve = new Cli.Live();
        Thread thread = new Thread(() -> serve.execute("serve", "--conformance", "socket.io", "--port", "0"));
        thread.start();
        try {
            int port = awaitPort(serve);

            Cli.Result custom = Cli.run(
                    "emit", "http://localhost:" + port + "/custom", "message-with-ack", "1", "2", "--json", "--ack");
            Cli.Result other = Cli.run("emit", "http://localhost:" + port + "/other", "x", "--timeout", "2s");

            assertThat(custom.out()).isEqualTo("[1,2]" + System.lineSeparator());
            assertThat(other.exitCode()).isEqualTo(69);
        } finally {
            thread.interrupt();
            thread.join(10_000);
        }
    }

    private static int awaitPort(Cli.Live serve) throws InterruptedException {
        Pattern listening = Pattern.compile("LISTENING (\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = listening.matcher(serve.out.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no LISTENING line; stderr: " + serve.err);
    }

    private static void awaitText(Cli.Live live, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!live.err.toString().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never saw '" + text + "'; stderr: " + live.err);
            }
            Thread.sleep(20);
        }
    }

    /** Tiny JSON values for the server's emits. */
    static final class JsonText {
        private JsonText() {}

        static java.util.Map<String, Object> object(String key, Object value) {
            return java.util.Map.of(key, value);
        }
    }
}
