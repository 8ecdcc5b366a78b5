package io.pulseio.server.internal.engine;

import java.security.SecureRandom;
import java.util.Base64;

/** Random, unguessable ids: 15 bytes from {@link SecureRandom} as 20 URL-safe base64 characters. */
final class SessionIds {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
