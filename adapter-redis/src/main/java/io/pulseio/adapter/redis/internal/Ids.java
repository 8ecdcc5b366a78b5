package io.pulseio.adapter.redis.internal;

import java.security.SecureRandom;

/** Random ids: Node's {@code uid2(6)} (six URL-safe characters) and hex ones. */
final class Ids {
    private static final char[] CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** Sixteen hex digits (eight random bytes), like the ids of Node's {@code ClusterAdapter}. */
    static String hex16() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        StringBuilder out = new StringBuilder(16);
        for (byte x : b) {
            out.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return out.toString();
    }

    static String uid() {
        char[] out = new char[6];
        for (int i = 0; i < out.length; i++) {
            out[i] = CHARS[RANDOM.nextInt(CHARS.length)];
        }
        return new String(out);
    }
}
