package io.pulseio.studio.internal;

import io.pulseio.server.ConnectionRefusedException;
import io.pulseio.server.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Who may talk to the studio: whoever shows this start's token, from a page of the studio's own
 * origin, addressing the studio by the host name it was started on. Immutable, thread-safe.
 *
 * <p>A request with an {@code Origin} header must name the studio's own origin (a page elsewhere
 * that tries to reach the studio is refused); one without (curl, a test client) needs the token
 * alone. The {@code Host} header must be the address the studio listens on (so a DNS name rebound
 * to 127.0.0.1 does not reach it).
 */
public final class Guard {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String token;
    private final Set<String> hosts;
    private final Set<String> origins;

    public Guard(String token, String host, int port) {
        this.token = token;
        String authority = host + ":" + port;
        this.hosts = "127.0.0.1".equals(host) ? Set.of(authority, "localhost:" + port) : Set.of(authority);
        this.origins = Set.copyOf(hosts.stream().map(h -> "http://" + h).toList());
    }

    /** A fresh random token: 24 bytes as hex. */
    public static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public String token() {
        return token;
    }

    /** Why a request with these headers (names in lower case) is refused, or null when it is not. */
    public String refusal(Map<String, String> headers, String presentedToken) {
        String host = headers.get("host");
        if (host == null || !hosts.contains(host)) {
            return "wrong Host header: " + host;
        }
        String origin = headers.get("origin");
        if (origin != null && !origins.contains(origin)) {
            return "requests from origin " + origin + " are refused";
        }
        if (presentedToken == null
                || !MessageDigest.isEqual(
                        presentedToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return presentedToken == null ? "no token" : "wrong token";
        }
        return null;
    }

    /** A namespace middleware step: refuses a socket without the token in its auth or from another origin. */
    public void check(ServerSocket socket) {
        var auth = socket.handshake().auth().get("token");
        String refusal = refusal(socket.handshake().headers(), auth == null ? null : auth.asText());
        if (refusal != null) {
            throw new ConnectionRefusedException(refusal);
        }
    }
}
