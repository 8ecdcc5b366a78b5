package io.pulseio.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private Studio studio;
    private String token;

    @BeforeEach
    void start() throws Exception {
        studio = Studio.start(new StudioOptions(dir.resolve("p.json"), "127.0.0.1", 0, TestPage.in(dir), null));
        token = studio.url().getQuery().substring("token=".length());
    }

    @AfterEach
    void stop() {
        studio.close();
    }

    private HttpResponse<String> get(String pathAndQuery, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + studio.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(5))
                .GET();
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String origin() {
        return "http://127.0.0.1:" + studio.port();
    }

    @Test
    void theUrlNamesLoopbackThePortAndAFreshRandomToken() throws Exception {
        assertThat(studio.url().toString())
                .matches("http://127\\.0\\.0\\.1:" + studio.port() + "/\\?token=[0-9a-f]{48}");
        try (Studio other = Studio.start(StudioOptions.of(dir.resolve("q.json"), 0, TestPage.in(dir.resolve("o"))))) {
            assertThat(other.url().getQuery()).isNotEqualTo(studio.url().getQuery());
        }
    }

    @Test
    void thePageNeedsTheToken() throws Exception {
        assertThat(get("/", null).statusCode()).isEqualTo(403);
        assertThat(get("/", null).body()).isEqualTo("Forbidden: no token");
        assertThat(get("/?token=wrong", null).statusCode()).isEqualTo(403);
        HttpResponse<String> page = get("/?token=" + token, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>studio</title>");
        assertThat(page.headers().firstValue("content-type")).contains("text/html; charset=UTF-8");
    }

    @Test
    void theBundlesNeedNoTokenButNothingOutsideAssetsIsServed() throws Exception {
        assertThat(get("/assets/main.js", origin()).statusCode()).isEqualTo(200);
        assertThat(get("/assets/missing.js", null).statusCode()).isEqualTo(404);
        assertThat(get("/assets/../index.html", null).statusCode()).isIn(403, 404);
        assertThat(get("/p.json", null).statusCode()).isEqualTo(404);
    }

    @Test
    void requestsFromAnotherOriginAreRefused() throws Exception {
        HttpResponse<String> page = get("/?token=" + token, "http://evil.example");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).isEqualTo("Forbidden: requests from origin http://evil.example are refused");
        assertThat(get("/assets/main.js", "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(get("/?token=" + token, origin()).statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestForAnotherHostNameIsRefused() throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", studio.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /?token=" + token + " HTTP/1.1\r\nHost: rebound.example:" + studio.port()
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(status).isEqualTo("HTTP/1.1 403 Forbidden");
        }
    }

    @Test
    void theLiveChannelNeedsTheToken() throws Exception {
        try (StudioClient none = new StudioClient(studio.port(), null, null);
                StudioClient wrong = new StudioClient(studio.port(), "0".repeat(48), null);
                StudioClient right = new StudioClient(studio.port(), token, null)) {
            assertThat(none.awaitOutcome()).isEqualTo("refused: no token");
            assertThat(wrong.awaitOutcome()).isEqualTo("refused: wrong token");
            assertThat(right.awaitOutcome()).isEqualTo("connected");
        }
    }

    @Test
    void theLiveChannelRefusesAnotherOriginEvenWithTheToken() throws Exception {
        try (StudioClient evil = new StudioClient(studio.port(), token, "http://evil.example");
                StudioClient own = new StudioClient(studio.port(), token, origin());
                StudioClient localhost = new StudioClient(studio.port(), token, "http://localhost:" + studio.port())) {
            assertThat(evil.awaitOutcome()).isEqualTo("refused: requests from origin http://evil.example are refused");
            assertThat(own.awaitOutcome()).isEqualTo("connected");
            assertThat(localhost.awaitOutcome()).isEqualTo("connected");
        }
    }
}
