package io.pulseio.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The official instrument's basic authentication: the UI connects with
 * {@code {username, password}} and is given a session id ({@code session} event), with which it
 * reconnects later as {@code {sessionId}}. Passwords are compared through their SHA-256 digests
 * in constant time. The last {@value #MAX_SESSIONS} session ids are kept, in memory only.
 * Thread-safe.
 */
final class Login {
    static final int MAX_SESSIONS = 1000;

    private final String username;
    private final byte[] passwordDigest;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Boolean> sessions = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_SESSIONS;
        }
    });

    Login(String username, String password) {
        this.username = username;
        this.passwordDigest = digest(password);
    }

    /**
     * The session id to hand the UI when {@code auth} holds the right credentials, an empty string
     * when it holds a known session id, or null when neither.
     */
    String check(ObjectNode auth) {
        JsonNode session = auth.get("sessionId");
        if (session != null && session.isTextual() && sessions.containsKey(session.textValue())) {
            return "";
        }
        JsonNode user = auth.get("username");
        JsonNode password = auth.get("password");
        if (user == null || !user.isTextual() || password == null || !password.isTextual()) {
            return null;
        }
        boolean userMatches = MessageDigest.isEqual(digest(user.textValue()), digest(username));
        boolean passwordMatches = MessageDigest.isEqual(digest(password.textValue()), passwordDigest);
        if (!(userMatches & passwordMatches)) {
            return null;
        }
        byte[] id = new byte[8];
        random.nextBytes(id);
        String sessionId = HexFormat.of().formatHex(id);
        sessions.put(sessionId, Boolean.TRUE);
        return sessionId;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
