package io.pulseio.server.internal.engine;

import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.pulseio.protocol.EngineCodec;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.ProtocolException;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.Transport;
import io.pulseio.server.internal.netty.EngineError;
import io.pulseio.server.internal.netty.HttpResponses;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling side of one session: its GET and POST requests, and the GET it holds open until it
 * has packets to answer it with. Used on the session's loop only.
 */
final class Polling {
  private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");

  private final EngineSession session;
  private final Upgrade upgrade;
  private Exchange get;
  private ChannelFutureListener watcher;

  Polling(EngineSession session, Upgrade upgrade) {
    this.session = session;
    this.upgrade = upgrade;
  }

  /** An HTTP request for this session, asking for the {@code requested} transport. */
  void onRequest(Exchange ex, Transport requested) {
    if (session.pingTimedOut()) {
      ex.fail(EngineError.UNKNOWN_SID);
    } else if (requested != session.transport() || requested != Transport.POLLING) {
      ex.fail(EngineError.BAD_REQUEST);
    } else if ("GET".equals(ex.method)) {
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

  /**
   * As the Node.js server does while an upgrade is probed: a held poll is ended with a noop 100 ms
   * later so the client can finish the upgrade; if the upgrade completes first, the poll is
   * refused instead.
   */
  void scheduleNoopCheck() {
    session.loop().schedule(() -> {
      if (get != null && upgrade.probed() && !session.hasBuffered()) {
        answer(EngineCodec.encode(EnginePacket.NOOP));
      }
    }, 100, TimeUnit.MILLISECONDS);
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

  /** True while a GET is held open. */
  boolean isHeld() {
    return get != null;
  }

  /** Answers the held GET with {@code payload}. */
  void answer(String payload) {
    release().reply(HttpResponseStatus.OK, HttpResponses.TEXT, payload);
  }

  /** Ends the held GET with a 400 (the session has moved to WebSocket). */
  void refuse() {
    release().fail(EngineError.BAD_REQUEST);
  }

  private Exchange release() {
    Exchange held = get;
    get = null;
    held.ctx.channel().closeFuture().removeListener(watcher);
    watcher = null;
    return held;
  }
}
