package io.pulseio.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C handling: a JVM shutdown hook that runs a clean stop, removed again when the command ends
 * on its own. The stop action may run twice (from the hook and from the command): it runs once.
 */
final class Shutdown implements AutoCloseable {
    private final Thread hook;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Runnable stop;

    private Shutdown(Runnable stop) {
        this.stop = stop;
        this.hook = new Thread(this::runOnce, "pulseio-shutdown");
    }

    /** Registers {@code stop} to run when the JVM is asked to exit (SIGINT, SIGTERM). */
    static Shutdown onSignal(Runnable stop) {
        Shutdown s = new Shutdown(stop);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** Runs the stop action unless it already ran. */
    void runOnce() {
        if (done.compareAndSet(false, true)) {
            stop.run();
        }
    }

    /** Removes the hook (the command finished by itself); does not run the stop action. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }
}
