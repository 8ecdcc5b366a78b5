package io.pulseio.client.internal.engine;

import io.netty.channel.EventLoop;
import io.pulseio.protocol.EnginePacket;

/**
 * One Engine.IO v4 client session: handshake, transports (polling, WebSocket, upgrade),
 * heartbeat, and ordered delivery of packets both ways.
 *
 * <p>Confined to one Netty event loop: every method may be called from any thread and hops to
 * that loop; listener callbacks run on it. Created by {@link #create} with an
 * {@link EngineOptions}, an event loop and an {@link EngineListener}; single use: once closed it
 * is never reopened (the Manager makes a new one to reconnect).
 */
public interface Engine {
    /**
     * Creates an engine session confined to {@code loop}; nothing happens until {@link #open()}.
     *
     * @param options where and how to connect
     * @param loop the event loop that runs every channel, timer and listener call of the session;
     *     an NIO or epoll loop (see {@link NativeIo}); the session's channels match the loop's kind
     * @param listener told of open, messages, transport changes and the close, on {@code loop}
     */
    static Engine create(EngineOptions options, EventLoop loop, EngineListener listener) {
        return new EngineSession(options, loop, listener);
    }

    /** Starts the handshake. Called once. */
    void open();

    /**
     * Queues a MESSAGE packet (text or binary). Packets are sent in the order given, never lost
     * or reordered across an upgrade; over polling they are batched into POSTs no larger than the
     * handshake's {@code maxPayload}. Packets given before {@link EngineListener#onOpen} wait.
     */
    void send(EnginePacket packet);

    /**
     * Like {@link #send}, but the packet does not leave together with the packets given before it:
     * over polling it starts a POST of its own once the previous POST has been answered; over
     * WebSocket it is written once the previous frames have been flushed to the socket and one more
     * event-loop turn has passed (best effort: the network may still join them). Packets given after
     * it may go with it, never before it. When nothing was written or buffered before it, it is not
     * delayed. For a namespace DISCONNECT: socket.io 4.8 drops an EVENT read in the same tick as the
     * DISCONNECT of its namespace (socketio/socket.io#5213).
     */
    default void sendApart(EnginePacket packet) {
        send(packet);
    }

    /**
     * Closes the session; the listener gets {@code "forced close"} at once. When open, the packets
     * already given are still sent, then CLOSE, before the connections go (bounded by a grace
     * period).
     */
    void close();

    /**
     * Runs {@code task} on the loop once the session has let go of its connections: after a
     * {@link #close()}, once the CLOSE has been sent (polling: acknowledged) or the grace period ran
     * out; after a failure, at once. Lets an owner keep its threads until the goodbye is out.
     */
    void whenReleased(Runnable task);

    /** The current transport's name ("polling" or "websocket"), or null before open. */
    String transport();

    /** True when the session is open and the write buffer is empty (used for volatile emits). */
    boolean writable();
}
