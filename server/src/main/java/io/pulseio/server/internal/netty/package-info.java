/**
 * The server's Netty plumbing (not exported), which knows no Engine.IO session: {@code NettyServer}
 * (the listening socket, the open connections; each connection's stages are given to it),
 * {@code ConnectionGuard} and {@code HttpGuard} (the per-connection bound and the HTTP timeouts,
 * held to {@code ConnectionLimits}), {@code StrictWebSocket} (the handshake, as strict as Node's
 * ws), {@code HttpResponses}, {@code PageResponder}, {@code Cors} and {@code EngineError} (the
 * Node.js server's error table). It depends on the API package and {@code internal.io} only; the
 * engine above it uses it, never the other way round.
 *
 * <p><b>Threads.</b> Handlers run on the event loop of their connection; they hold no state
 * shared between connections. {@code NettyServer}'s start and close run on the caller's thread.
 *
 * <p><b>Nulls.</b> Parameters are not null; an absent {@code Origin} header means no CORS headers.
 */
package io.pulseio.server.internal.netty;
