package io.pulseio.studio.internal;

import io.pulseio.server.HttpPages;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The page's files over HTTP. {@code /} (the page) needs the token in its query; the page's
 * bundles under {@code /assets/} hold only built code (no project data) and need none. Every
 * request is refused (403) from another origin or with a wrong Host header. Thread-safe.
 */
public final class PageFiles implements HttpPages {
    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html; charset=UTF-8",
            "js",
            "text/javascript; charset=UTF-8",
            "css",
            "text/css; charset=UTF-8",
            "png",
            "image/png",
            "svg",
            "image/svg+xml");
    private final Guard guard;
    private final Function<String, Optional<byte[]>> files;

    /** {@code files} reads a page file by its relative name ({@code index.html}, {@code assets/main.js}). */
    public PageFiles(Guard guard, Function<String, Optional<byte[]>> files) {
        this.guard = guard;
        this.files = files;
    }

    @Override
    public Response answer(Request request) {
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return Response.text(405, "only GET and HEAD");
        }
        boolean page = "/".equals(request.path()) || "/index.html".equals(request.path());
        String refusal = guard.refusal(request.headers(), page ? request.query().get("token") : guard.token());
        if (refusal != null) {
            return Response.text(403, "Forbidden: " + refusal);
        }
        String name = page ? "index.html" : request.path().substring(1);
        if (!page && (!name.startsWith("assets/") || name.contains("..") || name.contains("//"))) {
            return null;
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return files.apply(name)
                .map(body -> new Response(
                        200,
                        TYPES.getOrDefault(ext, "application/octet-stream"),
                        body,
                        Map.of(
                                "Cache-Control",
                                "no-store",
                                "X-Content-Type-Options",
                                "nosniff",
                                "Referrer-Policy",
                                "no-referrer")))
                .orElse(null);
    }
}
