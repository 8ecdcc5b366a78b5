/**
 * The server's Engine.IO v4 layer (not exported): {@code EngineServerImpl} (checks each request
 * as the Node.js server does, opens sessions, hands later requests to their session),
 * {@code EngineSession} (one session: state, current transport, close), its parts {@code Outbox}
 * (packets waiting, bounded by {@code maxOutboundBufferSize}, written to the current transport),
 * {@code SessionTransport} (the interface the session and the outbox talk to) with its two
 * implementations {@code PollingTransport} and {@code WebSocketTransport}, {@code Upgrade} (the
 * probe, then the swap of polling for WebSocket) and {@code Heartbeat} (whose time and timers are
 * a {@code SessionClock}'s: the session's loop in a server, a manual clock in its test);
 * {@code Exchange} (one HTTP request copied out of Netty's buffers) and {@code SessionIds};
 * {@code Pipelines} (the list of a connection's stages, the WebSocket upgrade's among them) and the
 * handlers that hand Netty's messages to the engine: {@code LimitedAggregator},
 * {@code HttpRequestHandler}, {@code WebSocketFrameHandler}. Uses {@code internal.netty} and the
 * API; {@code internal.socket} uses it.
 *
 * <p><b>Threads.</b> A session is confined to the event loop of the connection that opened it:
 * requests that arrive on other connections cross to it as an {@code Exchange}. The session
 * registry of {@code EngineServerImpl} is a concurrent map, read from every loop.
 *
 * <p><b>Tests.</b> In memory, without sockets or sleeps: {@code HeartbeatTest} on a manual clock;
 * {@code WebSocketTransportTest}, {@code PollingSessionTest}, {@code WebSocketSessionTest} and
 * {@code UpgradeSessionTest} on {@code EmbeddedChannel}s, whose virtual time is the session's (a
 * session's clock is its loop's ticker).
 *
 * <p><b>Nulls.</b> Parameters are not null. A session's transport is never null (a WebSocket
 * session's exists, not yet open, from the handshake request on); a held poll and an upgrade's
 * probe channel are null while there is none.
 */
package io.pulseio.server.internal.engine;
