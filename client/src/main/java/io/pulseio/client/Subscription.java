package io.pulseio.client;

/**
 * A registered listener. Closing it removes the listener; closing it again does nothing.
 *
 * <p>Safe to close from any thread, including from inside the listener itself. A listener whose
 * subscription was closed may still see at most the one call that was already being dispatched.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    /** Removes the listener. Idempotent; never throws. */
    @Override
    void close();
}
