package io.pulseio.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a property over many seeded random inputs, with plain JUnit.
 *
 * <p>Try {@code i} of a property with base seed {@code B} uses seed {@code B + i}, so every input
 * can be made again from one number. A failure names that seed and shows the input; to run a
 * single seed again pass {@code -Dpulseio.seed=<seed>} (every property then runs just that seed).
 */
final class Trials {
    /** The system property that replaces the whole run by one seed. */
    static final String SEED_PROPERTY = "pulseio.seed";

    /** A property of one input: returns normally when it holds, throws when it does not. */
    @FunctionalInterface
    interface Property<T> {
        void check(T input) throws Exception;
    }

    private Trials() {}

    /** Checks {@code property} on {@code tries} inputs made by {@code generator}. */
    static <T> void forAll(long baseSeed, int tries, Function<RandomPackets, T> generator, Property<T> property) {
        String replay = System.getProperty(SEED_PROPERTY);
        if (replay != null && !replay.isBlank()) {
            long seed = Long.decode(replay.trim());
            runOne(seed, "replayed", generator, property);
            return;
        }
        for (int i = 0; i < tries; i++) {
            runOne(baseSeed + i, "base " + baseSeed + ", try " + i + " of " + tries, generator, property);
        }
    }

    private static <T> void runOne(
            long seed, String where, Function<RandomPackets, T> generator, Property<T> property) {
        T input = generator.apply(new RandomPackets(seed));
        try {
            property.check(input);
        } catch (Throwable failure) {
            throw new AssertionError(
                    "property failed for seed " + seed + " (" + where + "; rerun with -D" + SEED_PROPERTY + "=" + seed
                            + ")\ninput: " + describe(input) + "\nfailure: " + failure,
                    failure);
        }
    }

    /** A readable, unambiguous rendering of a generated input: strings escaped, bytes listed. */
    static String describe(Object input) {
        if (input == null) {
            return "null";
        }
        if (input instanceof byte[] bytes) {
            return "bytes" + Arrays.toString(bytes);
        }
        if (input instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",\n  ").append(describe(list.get(i)));
            }
            return out.append(']').toString();
        }
        if (input instanceof EncodedPacket encoded) {
            return "EncodedPacket[" + escape(encoded.text()) + ", attachments " + describe(encoded.attachments()) + "]";
        }
        return escape(input.toString());
    }

    /** A Java string literal for {@code s}: quotes, backslashes and non-printable ASCII escaped. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
