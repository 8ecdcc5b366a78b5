package io.pulseio.adapter.redis.internal;

import java.security.SecureRandom;

/** Random ids like Node's {@code uid2(6)}: six URL-safe characters. */
final class Ids {
  private static final char[] CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static String uid() {
    char[] out = new char[6];
    for (int i = 0; i < out.length; i++) {
      out[i] = CHARS[RANDOM.nextInt(CHARS.length)];
    }
    return new String(out);
  }
}
