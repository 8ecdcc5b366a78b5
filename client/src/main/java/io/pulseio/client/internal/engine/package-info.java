/**
 * The client's Engine.IO v4 layer on Netty (not exported), depending on nothing of the client but
 * {@code protocol}: {@code Engine} and its implementation {@code EngineSession} (handshake, state,
 * ordered delivery both ways), the transports behind {@code Transport} ({@code PollingTransport}
 * with {@code HttpChannelPool} and {@code HttpExchangeHandler}; {@code WebSocketTransport}),
 * {@code Upgrade} (polling to WebSocket), {@code Heartbeat}, {@code Outbox} and {@code Goodbye}
 * (writes and the graceful close), {@code Pipelines} (each pipeline as a list of stages),
 * {@code WireFormat} (packets to and from Netty buffers), {@code EngineEndpoint},
 * {@code EngineOptions}, {@code NativeIo} (epoll or NIO) and {@code Causes} (network failures in
 * plain words). What the engine reports goes to its {@code EngineListener}.
 *
 * <p><b>Threads.</b> One engine is confined to one event loop: every method of a session and of
 * its transports runs there, and {@code EngineListener} is called there, in order, and never
 * after {@code onClose}. Time comes from the loop's ticker, so tests run in frozen time on
 * {@code EmbeddedChannel}.
 *
 * <p><b>Nulls.</b> Parameters are not null. The current transport and the upgrade in progress
 * are null when there is none; their fields say so.
 */
package io.pulseio.client.internal.engine;
