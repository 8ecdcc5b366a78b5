package io.pulseio.server;

/**
 * A registered listener or middleware. Closing it removes the registration; closing it again does
 * nothing. Safe to close from any thread.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
