package io.pulseio.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the application's callbacks on the client's callback executor: inline on the event loop
 * when there is none. Exceptions thrown by callbacks are logged, never passed on.
 */
final class Callbacks {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.client");

    private final Executor executor;
    private volatile boolean stopped;

    /** @param executor where to run callbacks, or null for inline (on the calling event loop) */
    Callbacks(Executor executor) {
        this.executor = executor;
    }

    /** After this, listener callbacks are no longer run; futures still complete. */
    void stop() {
        stopped = true;
    }

    /**
     * True when callbacks run inline on the event loop (no callback executor): a caller may then run
     * a listener itself, without wrapping it in a {@link Runnable}.
     */
    boolean inline() {
        return executor == null;
    }

    /** False once stopped: listener callbacks are no longer run. */
    boolean running() {
        return !stopped;
    }

    /** Runs a listener callback, unless stopped. */
    void run(Runnable callback) {
        if (stopped) {
            return;
        }
        if (executor == null) {
            guarded(callback);
            return;
        }
        try {
            executor.execute(() -> guarded(callback));
        } catch (RejectedExecutionException e) {
            LOG.warn("callback executor rejected a callback; it is dropped", e);
        }
    }

    <T> void complete(CompletableFuture<T> future, T value) {
        if (executor == null) {
            future.complete(value);
            return;
        }
        try {
            executor.execute(() -> future.complete(value));
        } catch (RejectedExecutionException e) {
            future.complete(value);
        }
    }

    void fail(CompletableFuture<?> future, Throwable error) {
        if (executor == null) {
            future.completeExceptionally(error);
            return;
        }
        try {
            executor.execute(() -> future.completeExceptionally(error));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(error);
        }
    }

    /** Logs what a listener threw; the connection and the other listeners go on. */
    static void listenerFailed(RuntimeException e) {
        LOG.warn("a Socket.IO listener threw; the connection goes on", e);
    }

    private static void guarded(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
    }
}
