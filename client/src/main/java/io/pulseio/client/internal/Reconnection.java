package io.pulseio.client.internal;

import io.pulseio.client.ClientListener;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.SocketIoException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The {@link Manager}'s reconnection, as the JavaScript client's Manager does it: after a lost
 * connection or a failed first attempt, attempts spaced by the {@link Backoff}, each announced
 * to the client listeners, until one opens or {@code reconnectionAttempts} are spent. Confined to
 * the event loop.
 */
final class Reconnection {
    private final ClientOptions options;
    private final ScheduledExecutorService loop;
    private final Backoff backoff;
    private final Consumer<Consumer<ClientListener>> notify;
    private final BooleanSupplier clientClosed;
    private final Runnable open;
    private ScheduledFuture<?> timer;
    private boolean waiting;
    private boolean skip;
    private boolean attemptOpen;

    /**
     * @param notify tells the client listeners
     * @param clientClosed whether the client is closed for good
     * @param open opens a new connection (an attempt)
     */
    Reconnection(
            ClientOptions options,
            ScheduledExecutorService loop,
            Backoff backoff,
            Consumer<Consumer<ClientListener>> notify,
            BooleanSupplier clientClosed,
            Runnable open) {
        this.options = options;
        this.loop = loop;
        this.backoff = backoff;
        this.notify = notify;
        this.clientClosed = clientClosed;
        this.open = open;
    }

    /** True while an attempt is scheduled or under way. */
    boolean waiting() {
        return waiting;
    }

    /** A connection is being opened: a loss after it may be reconnected again. */
    void allow() {
        skip = false;
    }

    /** No socket wants the connection, or the client closes: no attempt follows. */
    void stop() {
        skip = true;
        waiting = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** The connection opened: an attempt succeeded, or a first open did. */
    void onOpened() {
        if (attemptOpen) {
            attemptOpen = false;
            int attempt = backoff.attempts();
            waiting = false;
            backoff.reset();
            notify.accept(l -> l.onReconnect(attempt));
        }
    }

    /** An open failed: the next attempt, or the first one after a failed first open. */
    void onOpenFailed(SocketIoException error) {
        if (attemptOpen) {
            attemptOpen = false;
            waiting = false;
            notify.accept(l -> l.onReconnectError(error));
            schedule();
        } else if (!waiting && options.reconnection() && backoff.attempts() == 0) {
            schedule();
        }
    }

    /** An open connection was lost. */
    void onConnectionLost() {
        backoff.reset();
        if (options.reconnection() && !skip) {
            schedule();
        }
    }

    private void schedule() {
        if (waiting || skip || clientClosed.getAsBoolean()) {
            return;
        }
        if (backoff.attempts() >= options.reconnectionAttempts()) {
            backoff.reset();
            waiting = false;
            notify.accept(ClientListener::onReconnectFailed);
            return;
        }
        long delay = backoff.nextDelayMillis();
        waiting = true;
        timer = loop.schedule(this::onTimer, delay, TimeUnit.MILLISECONDS);
    }

    private void onTimer() {
        timer = null;
        if (skip || clientClosed.getAsBoolean()) {
            return;
        }
        int attempt = backoff.attempts();
        notify.accept(l -> l.onReconnectAttempt(attempt));
        attemptOpen = true;
        open.run();
    }
}
