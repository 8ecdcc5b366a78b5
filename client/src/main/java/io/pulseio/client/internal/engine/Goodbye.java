package io.pulseio.client.internal.engine;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.pulseio.protocol.EnginePacket;
import java.util.concurrent.TimeUnit;

/**
 * The graceful end of a session closed while open: the packets given before {@link Engine#close()}
 * are written first, then a CLOSE of its own, and once that has left (polling: been acknowledged)
 * the session lets go of its connections. A grace timer bounds the whole.
 *
 * <p>The CLOSE goes alone, as engine.io-client sends it: socket.io handles the Socket.IO packets of
 * a POST a tick after the Engine.IO ones, so a CLOSE in the same POST as a DISCONNECT would end the
 * session first. Over WebSocket it waits until the previous frames have left too.
 *
 * <p>Used on the session's event loop only.
 */
final class Goodbye {
    /** How long a graceful close may take to flush before the connections are dropped anyway. */
    private static final long GRACE_MILLIS = 5000;

    private final EngineSession session;
    private final Outbox outbox;
    private final EventLoop loop;
    private boolean closeSent;
    private ScheduledFuture<?> graceTimer;

    Goodbye(EngineSession session, Outbox outbox, EventLoop loop) {
        this.session = session;
        this.outbox = outbox;
        this.loop = loop;
    }

    /** The session has just started closing: flushes, and bounds the wait if the CLOSE is not out. */
    void start() {
        session.flush();
        if (session.isClosing()) {
            // The goodbye is still on its way (polling: awaiting its POST's answer): bound the wait.
            graceTimer = loop.schedule(session::finishClosing, GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * After each write while closing: once everything given before has gone, sends the CLOSE; once
     * that has gone too, finishes the session. Otherwise {@link Transport.Listener#onDrain} (or the
     * transport settling) flushes again and comes back here.
     */
    void afterWrite(Transport t) {
        if (!closeSent && outbox.isEmpty() && t.writable()) {
            sendClose();
            if (!session.isClosing()) {
                return;
            }
        }
        if (closeSent && outbox.isEmpty() && t.writable()) {
            session.finishClosing();
        }
    }

    /** Stops the grace timer (the session is over). */
    void cancel() {
        if (graceTimer != null) {
            graceTimer.cancel(false);
        }
    }

    private void sendClose() {
        closeSent = true;
        outbox.queueApart(EnginePacket.CLOSE);
        session.flush();
    }
}
