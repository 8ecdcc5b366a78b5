package io.pulseio.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A cluster adapter named by configuration instead of code, for
 * {@link ServerOptions.Builder#cluster(AdapterSettings)}: the server asks the
 * {@link AdapterProvider} that serves the URL's scheme to make it ({@code pulseio-adapter-redis}
 * serves {@code redis://} and {@code rediss://}). Immutable; {@link #toString()} never shows the
 * password.
 *
 * @param url where the adapter connects, such as {@code redis://127.0.0.1:6379}; not null
 * @param kind which protocol of the provider to speak (Redis: {@code classic} or
 *     {@code streams}); null for the provider's default
 * @param password the broker's password, when it is not in the URL; null for none
 * @param key the prefix of the broker's channels or streams; null for the provider's default
 *     (Node's, {@code socket.io})
 * @param options the provider's further options by the Node adapter's names, as text (such as
 *     {@code maxLen} → {@code 5000} for Redis streams); the provider checks them and refuses a
 *     name it does not know. Never null (null becomes empty); kept in the given order, unmodifiable
 */
public record AdapterSettings(String url, String kind, String password, String key, Map<String, String> options) {
    public AdapterSettings {
        Objects.requireNonNull(url, "url");
        options = options == null || options.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Settings without further options. */
    public AdapterSettings(String url, String kind, String password, String key) {
        this(url, kind, password, key, Map.of());
    }

    /** Settings with the provider's defaults for everything but the URL. */
    public static AdapterSettings of(String url) {
        return new AdapterSettings(url, null, null, null);
    }

    /** The URL's scheme in lower case ({@code redis}), or an empty string when it has none. */
    public String scheme() {
        int end = url.indexOf("://");
        return end <= 0 ? "" : url.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /**
     * The URL as messages show it: the password in it replaced by {@code ***} (all of the user info
     * when it has no colon, which Redis URLs read as a password).
     */
    public String shownUrl() {
        int start = url.indexOf("://");
        if (start < 0) {
            return url;
        }
        start += 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        if (at < start) {
            return url;
        }
        int colon = url.indexOf(':', start);
        String user = colon >= 0 && colon < at ? url.substring(start, colon + 1) : "";
        return url.substring(0, start) + user + "***" + url.substring(at);
    }

    @Override
    public String toString() {
        return "AdapterSettings[url=" + shownUrl() + ", kind=" + kind
                + (password == null ? "" : ", password=***") + ", key=" + key
                + (options.isEmpty() ? "" : ", options=" + options) + "]";
    }
}
