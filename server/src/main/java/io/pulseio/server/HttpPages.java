package io.pulseio.server;

import java.util.Map;
import java.util.Objects;

/**
 * Answers the plain HTTP requests a server gets for paths outside its Socket.IO path (a page and
 * its files, say), so that one port serves both. Without it such requests get 404.
 *
 * <p>Called on the connection's event loop thread, once per request, so it must answer quickly
 * (from memory or a small local file) and must not block on the network. An exception is answered
 * with 500 and logged. Set with {@link ServerOptions.Builder#pages(HttpPages)}.
 */
@FunctionalInterface
public interface HttpPages {

    /** The answer to {@code request}; null answers 404 Not Found. */
    Response answer(Request request);

    /**
     * One request.
     *
     * @param method the HTTP method, upper case
     * @param path the decoded path, starting with {@code /}
     * @param query the query parameters (the first value of each)
     * @param headers the request's headers, names in lower case (the last value of each)
     */
    record Request(String method, String path, Map<String, String> query, Map<String, String> headers) {
        public Request {
            query = Map.copyOf(query);
            headers = Map.copyOf(headers);
        }
    }

    /**
     * One answer; the body is sent as given (not copied), so do not change it afterwards.
     *
     * @param status the HTTP status code (100–599)
     * @param contentType the Content-Type header, or null for none
     * @param body the body (empty for none)
     * @param headers further headers to send
     */
    record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        public Response {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be 100-599, was " + status);
            }
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
        }

        /** A short plain-text answer with this status. */
        public static Response text(int status, String text) {
            return new Response(
                    status,
                    "text/plain; charset=UTF-8",
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Map.of());
        }
    }
}
