package io.pulseio.server.internal.netty;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.util.List;

/**
 * The CORS headers of one response, as the {@code cors} middleware of the Node.js server writes
 * them: an allowed origin ({@code *}, or the request's origin when it is in the list, or when
 * credentials are allowed with {@code *}), credentials, and for preflights the methods and the
 * requested headers.
 */
public final class Cors {
    private static final String METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE";

    private final List<String> origins;
    private final boolean any;
    private final boolean credentials;

    public Cors(List<String> origins, boolean credentials) {
        this.origins = List.copyOf(origins);
        this.any = origins.contains("*");
        this.credentials = credentials;
    }

    public boolean enabled() {
        return !origins.isEmpty();
    }

    /** The headers to add to any response to {@code request}; empty when CORS is off. */
    public HttpHeaders headersFor(HttpRequest request) {
        HttpHeaders out = new DefaultHttpHeaders();
        if (!enabled()) {
            return out;
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (any && !credentials) {
            out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        } else {
            out.set(HttpHeaderNames.VARY, "Origin");
            if (origin != null && (any || origins.contains(origin))) {
                out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            }
        }
        if (credentials) {
            out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        return out;
    }

    /** The extra headers of a preflight (OPTIONS) response. */
    public HttpHeaders preflightHeaders(HttpRequest request) {
        HttpHeaders out = headersFor(request);
        out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
        String asked = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        if (asked != null) {
            out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, asked);
            out.add(HttpHeaderNames.VARY, "Access-Control-Request-Headers");
        }
        return out;
    }
}
