package io.pulseio.server.internal.engine;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.pulseio.protocol.EngineCodec;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.EnginePacketType;
import io.pulseio.protocol.ProtocolException;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.Transport;
import io.pulseio.server.internal.netty.EngineError;
import io.pulseio.server.internal.netty.HttpResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP long-polling, the server's side: the client's GET and POST requests, and the GET held open
 * until there are packets to answer it with. Used on the session's loop only (see
 * {@link SessionTransport}).
 */
final class PollingTransport implements SessionTransport {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");

    private final EngineSession session;
    private final Upgrade upgrade;
    private Exchange get;
    private ChannelFutureListener watcher;

    PollingTransport(EngineSession session, Upgrade upgrade) {
        this.session = session;
        this.upgrade = upgrade;
    }

    @Override
    public Transport kind() {
        return Transport.POLLING;
    }

    @Override
    public void onRequest(Exchange ex) {
        if ("GET".equals(ex.method)) {
            onGet(ex);
        } else if ("POST".equals(ex.method)) {
            onPost(ex);
        } else {
            ex.fail(EngineError.BAD_REQUEST);
        }
    }

    private void onGet(Exchange ex) {
        if (get != null) {
            ex.fail(EngineError.BAD_REQUEST);
            session.closeNow(DisconnectReason.TRANSPORT_ERROR);
            return;
        }
        get = ex;
        watcher = f -> session.execute(() -> {
            if (get == ex) {
                get = null;
                session.closeNow(DisconnectReason.TRANSPORT_ERROR);
            }
        });
        ex.ctx.channel().closeFuture().addListener(watcher);
        if (session.hasBuffered()) {
            session.flushNow();
        } else if (upgrade.probed()) {
            scheduleNoopCheck();
        }
    }

    @Override
    public void probeAnswered() {
        scheduleNoopCheck();
    }

    /**
     * As the Node.js server does while an upgrade is probed: a held poll is ended with a noop 100 ms
     * later so the client can finish the upgrade; if the upgrade completes first, the poll is
     * refused instead.
     */
    private void scheduleNoopCheck() {
        session.loop()
                .schedule(
                        () -> {
                            if (get != null && upgrade.probed() && !session.hasBuffered()) {
                                answer(EngineCodec.encode(EnginePacket.NOOP));
                            }
                        },
                        100,
                        TimeUnit.MILLISECONDS);
    }

    private void onPost(Exchange ex) {
        List<EnginePacket> packets;
        try {
            packets = EngineCodec.decodePayload(ex.body);
        } catch (ProtocolException e) {
            LOG.debug("session {}: bad payload: {}", session.id(), e.getMessage());
            ex.fail(EngineError.BAD_REQUEST);
            session.closeNow(DisconnectReason.PARSE_ERROR);
            return;
        }
        ex.reply(HttpResponseStatus.OK, HttpResponses.HTML, "ok");
        session.onPackets(packets);
    }

    @Override
    public boolean carries(Channel channel) {
        return false;
    }

    @Override
    public boolean sendsAtOnce() {
        return false;
    }

    @Override
    public boolean writableNow(boolean nothingQueued) {
        return get != null;
    }

    @Override
    public boolean write(Queue<EnginePacket> queue, long holdMicros, boolean force) {
        if (get == null) {
            return false;
        }
        List<EnginePacket> packets = new ArrayList<>(queue);
        queue.clear();
        answer(EngineCodec.encodePayload(packets));
        if (packets.get(packets.size() - 1).type() == EnginePacketType.CLOSE) {
            session.closeNow(DisconnectReason.FORCED_CLOSE);
        }
        return true;
    }

    @Override
    public long pendingBytes() {
        return 0;
    }

    @Override
    public boolean holdsRequest() {
        return get != null;
    }

    @Override
    public void replaced() {
        if (get != null) {
            release().fail(EngineError.BAD_REQUEST);
        }
    }

    @Override
    public void close(boolean closedByClient, boolean abort) {
        if (get != null) {
            answer(EngineCodec.encode(closedByClient ? EnginePacket.NOOP : EnginePacket.CLOSE));
        }
    }

    /** Answers the held GET with {@code payload}. */
    private void answer(String payload) {
        release().reply(HttpResponseStatus.OK, HttpResponses.TEXT, payload);
    }

    private Exchange release() {
        Exchange held = get;
        get = null;
        held.ctx.channel().closeFuture().removeListener(watcher);
        watcher = null;
        return held;
    }
}
