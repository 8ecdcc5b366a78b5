/**
 * The server's Netty side (not exported): {@code NettyServer} (the listening socket and each
 * connection's pipeline: [TLS], HTTP codec, size-limited aggregator {@code LimitedAggregator},
 * router {@code HttpRequestHandler}), {@code WebSocketFrameHandler} (a WebSocket's frames to its
 * session), {@code HttpResponses}, {@code Cors}, {@code EngineError} (the Node.js server's error
 * table) and {@code NativeIo} (epoll or NIO).
 *
 * <p><b>Threads.</b> Handlers run on the event loop of their connection; they hold no state
 * shared between connections. {@code NettyServer}'s start and close run on the caller's thread.
 *
 * <p><b>Nulls.</b> Parameters are not null; an absent {@code Origin} header means no CORS headers.
 */
package io.pulseio.server.internal.netty;
