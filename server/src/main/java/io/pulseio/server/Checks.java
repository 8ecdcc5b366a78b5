package io.pulseio.server;

import java.time.Duration;

/** Argument checks shared by the option types. */
final class Checks {
    private Checks() {}

    /** Fails unless {@code d} is positive, naming the value. */
    static void positive(String name, Duration d) {
        if (d == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
