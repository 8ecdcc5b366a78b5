package io.pulseio.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.AnyListener;
import io.pulseio.client.EventListener;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Subscription;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The thread-safe listener registries of one socket. */
final class Listeners {
    final ConcurrentHashMap<String, CopyOnWriteArrayList<EventListener>> events = new ConcurrentHashMap<>();
    final CopyOnWriteArrayList<AnyListener> anyIncoming = new CopyOnWriteArrayList<>();
    final CopyOnWriteArrayList<AnyListener> anyOutgoing = new CopyOnWriteArrayList<>();
    /** Outgoing listeners that run on an executor of their own. */
    final CopyOnWriteArrayList<OnExecutor> anyOutgoingOn = new CopyOnWriteArrayList<>();

    /** An outgoing listener and where it runs. */
    record OnExecutor(AnyListener listener, java.util.concurrent.Executor executor) {}

    final CopyOnWriteArrayList<SocketListener> lifecycle = new CopyOnWriteArrayList<>();

    Subscription on(String event, EventListener listener) {
        Objects.requireNonNull(listener, "listener");
        return add(events.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>()), listener);
    }

    static <T> Subscription add(CopyOnWriteArrayList<T> list, T listener) {
        Objects.requireNonNull(listener, "listener");
        list.add(listener);
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                list.remove(listener);
            }
        };
    }

    void forLifecycle(Callbacks callbacks, Consumer<SocketListener> call) {
        if (lifecycle.isEmpty()) {
            return;
        }
        callbacks.run(() -> {
            for (SocketListener l : lifecycle) {
                try {
                    call.accept(l);
                } catch (RuntimeException e) {
                    Callbacks.listenerFailed(e);
                }
            }
        });
    }

    void dispatchIncoming(Callbacks callbacks, String event, List<JsonNode> args, AckImpl ack) {
        CopyOnWriteArrayList<EventListener> specific = events.get(event);
        boolean hasSpecific = specific != null && !specific.isEmpty();
        if (!hasSpecific && anyIncoming.isEmpty()) {
            return;
        }
        if (callbacks.inline()) {
            // On the event loop already: run the listeners now, without a Runnable per event.
            if (callbacks.running()) {
                deliverIncoming(hasSpecific ? specific : null, event, args, ack);
            }
            return;
        }
        callbacks.run(() -> deliverIncoming(hasSpecific ? specific : null, event, args, ack));
    }

    private void deliverIncoming(
            CopyOnWriteArrayList<EventListener> specific, String event, List<JsonNode> args, AckImpl ack) {
        if (!anyIncoming.isEmpty()) {
            for (AnyListener l : anyIncoming) {
                try {
                    l.onEvent(event, args, ack);
                } catch (RuntimeException e) {
                    Callbacks.listenerFailed(e);
                }
            }
        }
        if (specific != null) {
            for (EventListener l : specific) {
                try {
                    l.onEvent(args, ack);
                } catch (RuntimeException e) {
                    Callbacks.listenerFailed(e);
                }
            }
        }
    }

    void dispatchOutgoing(Callbacks callbacks, Outgoing o) {
        if (anyOutgoing.isEmpty() && anyOutgoingOn.isEmpty()) {
            return;
        }
        List<JsonNode> args = Args.view(o.data, 1, o.data.size());
        if (!anyOutgoing.isEmpty()) {
            callbacks.run(() -> {
                for (AnyListener l : anyOutgoing) {
                    tell(l, o.event, args);
                }
            });
        }
        for (OnExecutor l : anyOutgoingOn) {
            try {
                l.executor().execute(() -> tell(l.listener(), o.event, args));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                Callbacks.listenerFailed(e);
            }
        }
    }

    private static void tell(AnyListener l, String event, List<JsonNode> args) {
        try {
            l.onEvent(event, args, null);
        } catch (RuntimeException e) {
            Callbacks.listenerFailed(e);
        }
    }
}
