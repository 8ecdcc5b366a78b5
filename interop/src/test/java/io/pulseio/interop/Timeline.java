package io.pulseio.interop;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.ClientListener;
import io.pulseio.client.DisconnectReason;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketIoException;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a client or a socket went through, in order, recorded from its listeners: lifecycle
 * entries ({@code connect}, {@code disconnect}, {@code connect_error}, {@code open},
 * {@code close}, {@code reconnect}, ...) and events ({@code event:<name>}). Tests wait on it with
 * bounded timeouts instead of sleeping.
 */
final class Timeline {
    /**
     * One thing that happened: its kind, a text (a reason, a message), arguments, and for a
     * socket's lifecycle entries whether {@link Socket#active()} was true when the listener ran.
     */
    record Entry(String kind, String text, List<JsonNode> args, Boolean activeThen) {
        JsonNode arg(int i) {
            return args.get(i);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Records a socket's connect, disconnect (text: the reason's wire name), connect errors. */
    static Timeline of(Socket socket) {
        Timeline t = new Timeline();
        socket.addListener(new SocketListener() {
            @Override
            public void onConnect() {
                t.add("connect", socket.id(), List.of(), socket.active());
            }

            @Override
            public void onDisconnect(DisconnectReason reason) {
                t.add("disconnect", reason.wireName(), List.of(), socket.active());
            }

            @Override
            public void onConnectError(String message, JsonNode data) {
                t.add("connect_error", message, data == null ? List.of() : List.of(data), socket.active());
            }

            @Override
            public void onEmitFailed(String event, SocketIoException error) {
                t.add("emit_failed", event + ": " + error, List.of());
            }
        });
        return t;
    }

    /** Records the client's open, close (text: reason), transport changes and reconnection. */
    static Timeline of(SocketIoClient client) {
        Timeline t = new Timeline();
        client.addListener(new ClientListener() {
            @Override
            public void onOpen(Transport transport) {
                t.add("open", transport.wireName(), List.of());
            }

            @Override
            public void onTransport(Transport transport) {
                t.add("transport", transport.wireName(), List.of());
            }

            @Override
            public void onClose(String reason, Throwable cause) {
                t.add("close", reason, List.of());
            }

            @Override
            public void onReconnectAttempt(int attempt) {
                t.add("reconnect_attempt", Integer.toString(attempt), List.of());
            }

            @Override
            public void onReconnect(int attempt) {
                t.add("reconnect", Integer.toString(attempt), List.of());
            }

            @Override
            public void onReconnectFailed() {
                t.add("reconnect_failed", "", List.of());
            }
        });
        return t;
    }

    /** Also records every {@code event} the socket receives, as {@code event:<name>}. */
    Timeline record(Socket socket, String... events) {
        for (String event : events) {
            socket.on(event, (args, ack) -> add("event:" + event, null, args));
        }
        return this;
    }

    void add(String kind, String text, List<JsonNode> args) {
        add(kind, text, args, null);
    }

    synchronized void add(String kind, String text, List<JsonNode> args, Boolean activeThen) {
        entries.add(new Entry(kind, text, List.copyOf(args), activeThen));
        notifyAll();
    }

    /** Every entry of a kind so far. */
    synchronized List<Entry> all(String kind) {
        return entries.stream().filter(e -> e.kind.equals(kind)).toList();
    }

    /** Every entry so far, as {@code kind} or {@code kind(text)}. */
    synchronized List<String> summary() {
        return entries.stream()
                .map(e -> e.text == null || e.text.isEmpty() ? e.kind : e.kind + "(" + e.text + ")")
                .toList();
    }

    /** Waits until there are {@code count} entries of a kind; returns the first {@code count}. */
    synchronized List<Entry> await(String kind, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Entry> found = all(kind);
            if (found.size() >= count) {
                return found.subList(0, count);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(
                        "expected " + count + " × " + kind + " within " + timeout + ", saw " + summary());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits for the {@code n}-th (1-based) entry of a kind. */
    Entry awaitNth(String kind, int n, Duration timeout) throws InterruptedException {
        return await(kind, n, timeout).get(n - 1);
    }

    /** Waits for the first entry of a kind. */
    Entry await(String kind, Duration timeout) throws InterruptedException {
        return awaitNth(kind, 1, timeout);
    }

    /** Waits for the first entry of a kind with that text (e.g. {@code transport}, {@code websocket}). */
    synchronized Entry await(String kind, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Entry e : all(kind)) {
                if (text.equals(e.text)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(
                        "expected " + kind + "(" + text + ") within " + timeout + ", saw " + summary());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /**
     * Waits the whole {@code period} and returns true when no more than {@code count} entries of
     * the kind appeared (for "this must not happen" checks: the period bounds the wait).
     */
    synchronized boolean staysAt(String kind, int count, Duration period) throws InterruptedException {
        long deadline = System.nanoTime() + period.toNanos();
        while (all(kind).size() <= count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return false;
    }
}
