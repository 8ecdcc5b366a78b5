package io.pulseio.client.internal.engine;

import io.netty.channel.EventLoop;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.EnginePacketType;
import io.pulseio.protocol.Handshake;
import io.pulseio.protocol.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade of a session from polling to WebSocket, as engine.io-client does it: open the
 * WebSocket beside polling, send {@code 2probe}; on {@code 3probe} pause polling (the server
 * answers the pending GET with a noop) and wait for the POST in flight, then send {@code 5} and
 * the buffer over the WebSocket. Probing before pausing keeps polling live while the WebSocket
 * connects. A failed probe leaves polling as it was.
 *
 * <p>Used on the session's event loop; only {@link #inProgress} is also read from other threads.
 */
final class Upgrade {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.client");

    private final EngineSession session;
    private final EngineOptions options;
    private final EngineEndpoint endpoint;
    private final EventLoop loop;
    private final EngineListener listener;
    private WebSocketTransport probe;
    private String sid;
    /** The probe was answered: polling is pausing, and nothing is written until the switch. */
    private volatile boolean upgrading;

    Upgrade(
            EngineSession session,
            EngineOptions options,
            EngineEndpoint endpoint,
            EventLoop loop,
            EngineListener listener) {
        this.session = session;
        this.options = options;
        this.endpoint = endpoint;
        this.loop = loop;
        this.listener = listener;
    }

    /** Once open: probes WebSocket when the session is on polling and both sides allow WebSocket. */
    void start(Handshake h) {
        if (options.upgrade()
                && session.currentTransport() instanceof PollingTransport
                && options.transports().contains(WebSocketTransport.NAME)
                && h.upgrades().contains(WebSocketTransport.NAME)) {
            sid = h.sid();
            probe = new WebSocketTransport(endpoint, loop, session, h.sid());
            LOG.debug("engine {}: probing websocket", h.sid());
            probe.open();
        }
    }

    /** True when {@code t} is the WebSocket being probed. */
    boolean isProbe(Transport t) {
        return t == probe;
    }

    /** True from the probe's answer until the switch (or the failure): writes wait meanwhile. */
    boolean inProgress() {
        return upgrading;
    }

    /** The probe's WebSocket is up: sends the probe ping. */
    void onConnected() {
        probe.writeNow(EnginePacket.PING_PROBE);
    }

    /** A packet arrived over the probe: the answer to the probe ping, or a failure. */
    void onPacket(EnginePacket packet) {
        if (upgrading) {
            return; // the server sends nothing before our UPGRADE; ignore anything early
        }
        if (packet.type() == EnginePacketType.PONG && "probe".equals(packet.text())) {
            upgrading = true;
            ((PollingTransport) session.currentTransport()).pause(this::onPollingPaused);
        } else {
            failed(new ProtocolException("unexpected answer to the probe: " + packet));
        }
    }

    /**
     * Drops the probe and, if polling was pausing for it, resumes polling and flushes what waited.
     *
     * @param cause why the probe failed, or null when the session gives it up (closing)
     */
    void failed(Throwable cause) {
        if (cause != null) {
            LOG.debug("engine upgrade probe failed; staying on polling", cause);
        }
        if (probe != null) {
            probe.close();
            probe = null;
        }
        if (upgrading) {
            upgrading = false;
            ((PollingTransport) session.currentTransport()).resume();
            session.flush();
        }
    }

    /** The session is closing: gives up a probe under way, as a quiet failure. */
    void abandon() {
        if (probe != null) {
            failed(null);
        }
    }

    /** The session is over: closes the probe, if any. */
    void close() {
        if (probe != null) {
            probe.close();
            probe = null;
        }
    }

    private void onPollingPaused() {
        if (!session.isOpen() || probe == null) {
            return;
        }
        Transport polling = session.currentTransport();
        WebSocketTransport ws = probe;
        probe = null;
        session.useTransport(ws);
        polling.close();
        ws.writeNow(EnginePacket.UPGRADE);
        upgrading = false;
        LOG.debug("engine {}: upgraded to websocket", sid);
        listener.onTransport(WebSocketTransport.NAME);
        session.flush();
    }
}
