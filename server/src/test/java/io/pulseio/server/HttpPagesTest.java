package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HttpPagesTest {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(int port, String pathAndQuery) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                        .header("X-Test", "yes")
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestOutsideTheSocketIoPathIsAnsweredByThePages() throws Exception {
        AtomicReference<HttpPages.Request> seen = new AtomicReference<>();
        HttpPages pages = request -> {
            seen.set(request);
            return new HttpPages.Response(
                    200,
                    "text/html",
                    "<p>hi</p>".getBytes(StandardCharsets.UTF_8),
                    Map.of("Cache-Control", "no-store"));
        };
        try (SocketIoServer server = SocketIoServer.create(
                ServerOptions.builder().ioThreads(1).pages(pages).build())) {
            int port = server.start();
            HttpResponse<String> page = get(port, "/index.html?token=abc");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("<p>hi</p>");
            assertThat(page.headers().firstValue("content-type")).contains("text/html");
            assertThat(page.headers().firstValue("cache-control")).contains("no-store");
            assertThat(seen.get().method()).isEqualTo("GET");
            assertThat(seen.get().path()).isEqualTo("/index.html");
            assertThat(seen.get().query()).containsEntry("token", "abc");
            assertThat(seen.get().headers()).containsEntry("x-test", "yes");
        }
    }

    @Test
    void theSocketIoPathStillGoesToTheEngine() throws Exception {
        HttpPages pages = request -> HttpPages.Response.text(200, "page");
        try (SocketIoServer server = SocketIoServer.create(
                ServerOptions.builder().ioThreads(1).pages(pages).build())) {
            int port = server.start();
            assertThat(get(port, "/socket.io/?EIO=4&transport=polling").body()).contains("\"sid\"");
        }
    }

    @Test
    void aNullAnswerIs404AndAThrowingHandlerIs500() throws Exception {
        HttpPages pages = request -> {
            if (request.path().equals("/boom")) {
                throw new IllegalStateException("broken page handler");
            }
            return null;
        };
        try (SocketIoServer server = SocketIoServer.create(
                ServerOptions.builder().ioThreads(1).pages(pages).build())) {
            int port = server.start();
            assertThat(get(port, "/missing").statusCode()).isEqualTo(404);
            assertThat(get(port, "/boom").statusCode()).isEqualTo(500);
            assertThat(get(port, "/missing").statusCode())
                    .as("the connection survives")
                    .isEqualTo(404);
        }
    }

    @Test
    void withoutPagesOtherPathsAre404() throws Exception {
        try (SocketIoServer server =
                SocketIoServer.create(ServerOptions.builder().ioThreads(1).build())) {
            assertThat(get(server.start(), "/index.html").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aResponseStatusOutsideHttpsRangeIsRejected() {
        assertThatThrownBy(() -> HttpPages.Response.text(99, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status must be 100-599, was 99");
    }
}
