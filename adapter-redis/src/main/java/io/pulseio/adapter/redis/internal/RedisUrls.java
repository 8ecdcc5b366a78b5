package io.pulseio.adapter.redis.internal;

import io.lettuce.core.RedisURI;
import io.pulseio.server.AdapterSettings;
import java.net.URI;
import java.net.URISyntaxException;

/** Checks and reads Redis URLs; every message shows the URL with its password masked. */
public final class RedisUrls {
    private static final String FORM = "redis://[:password@]host[:port][/db] or rediss:// for TLS";

    private RedisUrls() {}

    /**
     * The URL as Lettuce's, with {@code password} (when not null) in place of one in the URL.
     *
     * @throws IllegalArgumentException when it is not a Redis URL
     */
    public static RedisURI parse(String url, String password) {
        String shown = AdapterSettings.of(url).shownUrl();
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new IllegalArgumentException("not a Redis URL (" + FORM + "): '" + shown + "'");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a Redis URL (" + FORM + "): '" + shown + "': " + e.getReason());
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("the Redis URL '" + shown + "' names no host (" + FORM + ")");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.isEmpty() && !path.matches("/[0-9]{0,5}")) {
            throw new IllegalArgumentException("the Redis URL '" + shown + "' has path '" + path
                    + "': the only path a Redis URL may have is a database number, such as /0");
        }
        RedisURI parsed;
        try {
            parsed = RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a Redis URL (" + FORM + "): '" + shown + "'");
        }
        if (password != null) {
            parsed.setPassword(password.toCharArray());
        }
        return parsed;
    }
}
