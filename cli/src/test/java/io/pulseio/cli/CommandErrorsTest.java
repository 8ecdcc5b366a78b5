package io.pulseio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad arguments to emit, listen and serve: each is a usage error (64) with a message naming the
 * option and the value, found before anything connects or binds; a port in use is 69.
 */
class CommandErrorsTest {
    /** A URL nothing listens on: the checks below fail before a connection is tried. */
    private static final String URL = "http://127.0.0.1:1";

    private static void usageError(String message, String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(64);
        assertThat(r.err()).as(String.join(" ", args)).contains(message);
        assertThat(r.out()).as(String.join(" ", args)).isEmpty();
    }

    @Test
    void emitArgumentsThatAreNotJsonAreUsageErrors() {
        usageError("Argument 2 is not valid JSON (", "emit", URL, "e", "--json", "1", "{oops");
        usageError("Argument 1 is not valid JSON (", "emit", URL, "e", "--json", "{} x");
        usageError("Argument 1 is empty: with --json, write \"\" for an empty string", "emit", URL, "e", "--json", "");
    }

    @Test
    void badConnectionOptionsAreUsageErrors(@TempDir Path dir) throws Exception {
        usageError("Invalid URL 'http://h h': ", "emit", "http://h h", "e");
        usageError(
                "The URL names namespace /admin but --namespace says /chat: give one of them",
                "emit",
                "http://127.0.0.1:1/admin",
                "e",
                "--namespace",
                "/chat");
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
        usageError("--insecure and --ca exclude each other", "emit", URL, "e", "--insecure", "--ca", ca.toString());
        usageError(
                "Invalid connection option: url must start with http://, https://, ws:// or wss://, was ftp://h",
                "emit",
                "ftp://h",
                "e");
        usageError(
                "--ca: not a readable file: " + dir.resolve("none.pem"),
                "listen",
                URL,
                "--ca",
                dir.resolve("none.pem").toString());
        usageError("--auth must be a JSON object, e.g. '{\"token\":\"abc\"}'", "emit", URL, "e", "--auth", "[1]");
        usageError("--auth is not valid JSON: ", "listen", URL, "--auth", "{token");
        usageError("--auth is not valid JSON: ", "listen", URL, "--auth", "{} {}");
    }

    @Test
    void listenNeedsAPositiveCountAndAUsableDuration() {
        usageError("--count must be at least 1, was 0", "listen", URL, "--count", "0");
        usageError("is too short: a duration must be at least 1ms", "listen", URL, "--duration", "0.1ms");
    }

    @Test
    void badServeOptionsAreUsageErrors(@TempDir Path dir) throws Exception {
        usageError("'http' is not a conformance mode: use engine.io or socket.io", "serve", "--conformance", "http");
        usageError(
                "--conformance fixes the path, CORS and behaviour: drop --path, --cors, --echo, --relay and --log",
                "serve",
                "--conformance",
                "socket.io",
                "--path",
                "/x");
        usageError("Invalid server option: port must be between 0 and 65535, was 70000", "serve", "--port", "70000");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        usageError(
                "--cert: not a readable file: " + dir.resolve("cert.pem"),
                "serve",
                "--port",
                "0",
                "--cert",
                dir.resolve("cert.pem").toString(),
                "--key",
                key.toString());
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        usageError(
                "--cert " + notes + " is not a certificate file: give the server's certificate chain in PEM",
                "serve",
                "--port",
                "0",
                "--cert",
                notes.toString(),
                "--key",
                notes.toString());
        Path cert = Path.of("..", "examples", "tls", "localhost-cert.pem").toAbsolutePath();
        usageError(
                "--key " + cert + " is not a private key file: give the key in PEM, PKCS#8",
                "serve",
                "--port",
                "0",
                "--cert",
                cert.toString(),
                "--key",
                cert.toString());
    }

    @Test
    void badAdminOptionsAreUsageErrors() {
        usageError("--admin: expected USER:PASSWORD (both non-empty), got 'admin'", "serve", "--admin", "admin");
        usageError("--admin: expected USER:PASSWORD (both non-empty), got 'admin:...'", "serve", "--admin", "admin:");
        usageError("--admin: expected USER:PASSWORD (both non-empty), got ':...'", "serve", "--admin", ":pw");
        usageError("--admin-read-only and --admin-mode need --admin", "serve", "--admin-read-only");
        usageError(
                "'test' is not an admin mode: use development or production",
                "serve",
                "--admin",
                "a:b",
                "--admin-mode",
                "test");
        usageError(
                "--admin needs Socket.IO: drop it with --conformance engine.io",
                "serve",
                "--conformance",
                "engine.io",
                "--admin",
                "a:b");
    }

    @Test
    void servingOnAPortInUseExits69() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket taken = new ServerSocket(0, 50, loopback)) {
            int port = taken.getLocalPort();
            Cli.Result r = Cli.run("serve", "--host", loopback.getHostAddress(), "--port", String.valueOf(port));
            assertThat(r.exitCode()).isEqualTo(69);
            assertThat(r.err()).contains("cannot listen on " + loopback.getHostAddress() + ":" + port + ": ");
            assertThat(r.out()).doesNotContain("LISTENING");
        }
    }

    @Test
    void aProjectOrTraceFileThatCannotBeUsedIsAUsageErrorAndNothingRuns(@TempDir Path dir) {
        usageError("Cannot read project file " + dir + ": ", "validate", dir.toString());
        usageError(
                "Cannot write trace file " + dir + ": ",
                "run",
                Cli.project("hello.json").toString(),
                "--duration",
                "200ms",
                "--trace",
                dir.toString());
    }
}
