package io.pulseio.studio;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start a {@link Studio}.
 *
 * @param project the project file to edit; created (empty) when it does not exist
 * @param host the address to bind and to put in the URL; {@code 127.0.0.1} unless asked otherwise
 * @param port the TCP port; 0 picks a free one
 * @param page the page to serve
 * @param token the token the page and the live channel must show; null makes a random one
 */
public record StudioOptions(Path project, String host, int port, StudioPage page, String token) {
    /** The default port of {@code pulseio edit}. */
    public static final int DEFAULT_PORT = 7070;

    public StudioOptions {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(page, "page");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (token != null && token.isEmpty()) {
            throw new IllegalArgumentException("token must not be empty");
        }
    }

    /** On 127.0.0.1, a random token. */
    public static StudioOptions of(Path project, int port, StudioPage page) {
        return new StudioOptions(project, "127.0.0.1", port, page, null);
    }
}
