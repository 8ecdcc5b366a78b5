package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.admin.Admin;
import io.pulseio.admin.AdminOptions;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The official Admin UI's built page ({@code @socket.io/admin-ui} 0.5.1) in Debian's Chromium
 * against our server ({@code fixtures/admin-ui-browser.mjs}): it logs in, lists a socket and a
 * room, and leaves a screenshot in {@code target/admin-ui.png} (the one in
 * {@code docs/operations.md}). Skipped without {@code /usr/bin/chromium}, except in CI.
 */
class AdminUiBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void theOfficialPageLogsInAndShowsTheServersSocketsAndRooms() throws Exception {
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM);
        }
        // The page comes from another origin and connects with credentials.
        SocketIoServer server = SocketIoServer.create(ServerOptions.builder()
                .host("127.0.0.1")
                .port(0)
                .corsOrigins("*")
                .corsCredentials(true)
                .build());
        Path shot = NodeProcess.interopDir().resolve("target/admin-ui.png");
        Files.createDirectories(shot.getParent());
        Files.deleteIfExists(shot);
        try (Admin admin = Admin.instrument(
                        server,
                        AdminOptions.builder()
                                .login("admin", "s3cret")
                                .serverId("pulseio-demo")
                                .build());
                NodeSockets node = new NodeSockets()) {
            String url = "http://127.0.0.1:" + server.start();
            String app = node.open("app", url + "/", Map.of()).path("id").asText();
            node.open("chat", url + "/chat", Map.of());
            server.sockets().socket(app).orElseThrow().join("lobby");

            NodeProcess browser = NodeProcess.start(
                    "admin-ui-browser.mjs",
                    List.of(url, "admin", "s3cret", app, "lobby", shot.toString()),
                    Map.of(),
                    line -> {});
            try {
                int exit = browser.waitFor(Duration.ofSeconds(90));
                assertThat(exit)
                        .as("browser run: %s%s", browser.lines(), browser.describeStderr())
                        .isZero();
                assertThat(browser.lines().toString()).contains("\"socket listed\"", "\"room listed\"");
                assertThat(Files.size(shot)).isPositive();
            } finally {
                browser.close();
            }
        } finally {
            server.close();
        }
    }
}
