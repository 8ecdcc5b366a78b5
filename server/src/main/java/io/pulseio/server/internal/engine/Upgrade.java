package io.pulseio.server.internal.engine;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The upgrade of one polling session to WebSocket: the probe channel, its "2probe"/"3probe"
 * exchange, the final "5" and the timeout. On "5" it swaps the session's transport: a
 * {@link WebSocketTransport} on the probe channel replaces the {@link PollingTransport} (see
 * {@link EngineSession#switchTo}). Used on the session's loop only.
 */
final class Upgrade {
    private final EngineServerImpl server;
    private final EngineSession session;
    private Channel channel;
    private boolean probed;
    private ScheduledFuture<?> timer;

    Upgrade(EngineServerImpl server, EngineSession session) {
        this.server = server;
        this.session = session;
    }

    /** True when {@code c} is the channel being probed. */
    boolean isProbing(Channel c) {
        return c == channel;
    }

    /** True between the probe's answer and the end of the upgrade. */
    boolean probed() {
        return probed;
    }

    /**
     * A WebSocket request for this session; {@code possible} is false when the session is not an
     * open polling session.
     */
    void onRequest(Exchange ex, boolean possible) {
        if (!possible || channel != null || !server.options.allowUpgrades()) {
            // as the Node.js server does: accept the WebSocket, then close it at once
            Channel refused = ex.ctx.channel();
            server.webSocketHandshake(
                    ex,
                    session,
                    () -> refused.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE),
                    () -> {});
            return;
        }
        Channel probing = ex.ctx.channel();
        channel = probing;
        timer = session.loop().schedule(this::cancel, server.upgradeTimeoutMs, TimeUnit.MILLISECONDS);
        server.webSocketHandshake(
                ex,
                session,
                () -> {},
                () -> session.execute(() -> {
                    if (channel == probing) {
                        cancel();
                    }
                }));
    }

    /** A text frame on the channel being probed. */
    void onFrame(String text) {
        if ("2probe".equals(text)) {
            channel.writeAndFlush(new TextWebSocketFrame("3probe"));
            probed = true;
            session.currentTransport().probeAnswered(); // a held poll is ended soon
        } else if ("5".equals(text)) {
            cancelTimer();
            Channel probing = channel;
            channel = null;
            probed = false;
            session.switchTo(session.webSocket(probing));
        } else {
            cancel();
        }
    }

    /** Gives the upgrade up (or ends it with the session): closes the probe channel. */
    void cancel() {
        cancelTimer();
        probed = false;
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
