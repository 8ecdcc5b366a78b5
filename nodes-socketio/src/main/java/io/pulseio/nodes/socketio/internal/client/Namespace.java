package io.pulseio.nodes.socketio.internal.client;

import io.pulseio.client.Socket;
import io.pulseio.client.Subscription;
import io.pulseio.logic.time.Cancellable;
import io.pulseio.logic.time.Scheduler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * What a connection knows of one namespace: its socket, subscriptions, whether it is joined, and the leave
 * waiting out its grace period. Logic thread only (the leave timer fires on the scheduler's thread and
 * posts the leave to the logic thread).
 */
final class Namespace {
    /**
     * How long a namespace left without subscriptions stays joined before it is left. socket.io closes the
     * whole connection when a CONNECT for a namespace reaches it together with the DISCONNECT of the same
     * namespace (it handles the DISCONNECT a tick later, so the CONNECT finds the namespace still joined:
     * "invalid state"); leaving after a grace period, called off by any use of the namespace, keeps an
     * Unsubscribe followed at once by a Send or Subscribe from sending both in one chunk.
     */
    static final long LEAVE_DELAY_MILLIS = 200;

    final String name;
    /** Null until the connection's client exists. */
    Socket socket;
    /** Subscribed events; the value is the client listener, null while there is no client yet. */
    final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    /** Subscribe calls whose On Socket.IO Subscribe waits for the namespace to be joined (one per call). */
    final List<String> awaitingJoin = new ArrayList<>();

    boolean joined;
    /** A leave waiting out its grace period (see {@link #LEAVE_DELAY_MILLIS}), or null. */
    Cancellable pendingLeave;

    Namespace(String name) {
        this.name = name;
    }

    /** Calls off a pending leave: the namespace is in use again. */
    void keep() {
        if (pendingLeave != null) {
            pendingLeave.cancel();
            pendingLeave = null;
        }
    }

    /**
     * Asks the client to join, unless joined. While a join is under way the client ignores the request, so
     * however many Sends and Subscribes ask meanwhile, one CONNECT goes out (socket.io closes a connection
     * that sends a second one for a namespace it has joined: "invalid state").
     */
    void join() {
        if (!joined) {
            socket.connect();
        }
    }

    boolean isDefault() {
        return "/".equals(name);
    }

    /**
     * Leaves the namespace (the client closes the connection when no namespace is left). Always asks the
     * client: a {@code connect()} issued just before may not have reached its event loop yet.
     */
    void leave() {
        keep();
        joined = false;
        if (socket != null) {
            socket.disconnect();
        }
    }

    /**
     * Starts the grace period before leaving. The posted leave acts only if its own timer is still the
     * pending one: a timer that has fired may be called off too late (its leave already queued), and a
     * later Unsubscribe's timer must not be cut short by it.
     */
    void leaveLater(Scheduler scheduler, Executor logic, ConnectionListeners events) {
        Cancellable[] timer = new Cancellable[1];
        timer[0] = scheduler.schedule(LEAVE_DELAY_MILLIS, () -> logic.execute(() -> leaveUnused(timer[0], events)));
        pendingLeave = timer[0];
    }

    private void leaveUnused(Cancellable timer, ConnectionListeners events) {
        if (pendingLeave != timer || !subscriptions.isEmpty()) {
            return;
        }
        pendingLeave = null;
        boolean wasJoined = joined;
        leave();
        if (wasJoined) {
            events.connectionState("left", name);
        }
    }
}
