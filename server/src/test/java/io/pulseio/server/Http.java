package io.pulseio.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Plain HTTP calls to a local server, for the polling transport. */
final class Http {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(int port, String path) {
        this.base = "http://localhost:" + port + path;
    }

    HttpResponse<String> get(String query) {
        return getAsync(query).join();
    }

    CompletableFuture<HttpResponse<String>> getAsync(String query) {
        return client.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "?" + query))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String query, String body) {
        return client.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "?" + query))
                                .timeout(Duration.ofSeconds(5))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .join();
    }

    HttpResponse<String> send(HttpRequest.Builder request, String query) {
        return client.sendAsync(
                        request.uri(URI.create(base + "?" + query))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .join();
    }

    /** Opens a polling session and returns its id. */
    String handshake() {
        String body = get("EIO=4&transport=polling").body();
        int start = body.indexOf("\"sid\":\"") + 7;
        return body.substring(start, body.indexOf('"', start));
    }
}
