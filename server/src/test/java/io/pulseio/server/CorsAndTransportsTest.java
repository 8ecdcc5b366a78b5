package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorsAndTransportsTest {
    private static HttpResponse<String> handshakeFrom(Http http, String origin) {
        return http.send(HttpRequest.newBuilder().GET().header("Origin", origin), "EIO=4&transport=polling");
    }

    @Test
    void anOriginListReflectsOnlyListedOriginsWithCredentials() {
        ServerOptions options = ServerOptions.builder()
                .ioThreads(1)
                .corsOrigins("https://app.example")
                .corsCredentials(true)
                .build();
        try (SocketIoServer server = SocketIoServer.create(options)) {
            Http http = new Http(server.start(), "/socket.io/");
            HttpResponse<String> listed = handshakeFrom(http, "https://app.example");
            assertThat(listed.headers().firstValue("access-control-allow-origin"))
                    .contains("https://app.example");
            assertThat(listed.headers().firstValue("access-control-allow-credentials"))
                    .contains("true");
            assertThat(listed.headers().firstValue("vary")).contains("Origin");
            HttpResponse<String> other = handshakeFrom(http, "https://evil.example");
            assertThat(other.headers().firstValue("access-control-allow-origin"))
                    .isEmpty();
        }
    }

    @Test
    void withoutCorsOptionsNoCorsHeadersAreSent() {
        try (SocketIoServer server =
                SocketIoServer.create(ServerOptions.builder().ioThreads(1).build())) {
            Http http = new Http(server.start(), "/socket.io/");
            assertThat(handshakeFrom(http, "https://app.example").headers().firstValue("access-control-allow-origin"))
                    .isEmpty();
        }
    }

    @Test
    void aPollingOnlyServerOffersNoUpgradeAndRefusesWebSockets() {
        ServerOptions options = ServerOptions.builder()
                .ioThreads(1)
                .transports(Set.of(Transport.POLLING))
                .build();
        try (SocketIoServer server = SocketIoServer.create(options)) {
            int port = server.start();
            Http http = new Http(port, "/socket.io/");
            assertThat(http.get("EIO=4&transport=polling").body()).contains("\"upgrades\":[]");
            try (WsClient ws = WsClient.open(port, "/socket.io/", "", false)) {
                throw new AssertionError("the WebSocket should have been refused");
            } catch (java.util.concurrent.CompletionException expected) {
                assertThat(expected).hasRootCauseMessage("Unexpected HTTP response status code 400");
            }
        }
    }

    @Test
    void otherPathsAreNotFound() {
        try (SocketIoServer server =
                SocketIoServer.create(ServerOptions.builder().ioThreads(1).build())) {
            Http http = new Http(server.start(), "/elsewhere/");
            assertThat(http.get("EIO=4&transport=polling").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theHandshakeCarriesQueryAndHeaders() throws Exception {
        try (SocketIoServer server =
                SocketIoServer.create(ServerOptions.builder().ioThreads(1).build())) {
            java.util.concurrent.CompletableFuture<SocketHandshake> seen =
                    new java.util.concurrent.CompletableFuture<>();
            server.sockets().onConnection(s -> seen.complete(s.handshake()));
            int port = server.start();
            try (WsClient ws = WsClient.open(port, "/socket.io/", "room=7", true)) {
                ws.nextText();
                ws.send("40{\"user\":\"ada\"}");
                SocketHandshake h = seen.get(5, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(h.query()).containsEntry("room", "7").containsEntry("EIO", "4");
                assertThat(h.headers()).containsKey("host");
                assertThat(h.auth().path("user").asText()).isEqualTo("ada");
                assertThat(h.address()).startsWith("127.0.0.1:");
                assertThat(h.secure()).isFalse();
            }
        }
    }
}
