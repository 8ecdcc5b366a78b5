/**
 * The Socket.IO v4 server for the JVM (Engine.IO v4 and Socket.IO v5 on Netty).
 *
 * <p>Build a {@link io.pulseio.server.SocketIoServer} from {@link io.pulseio.server.ServerOptions},
 * register middleware and connection listeners on its {@link io.pulseio.server.Namespace}s, then
 * {@code start()} it. {@link io.pulseio.server.EngineServer} is the Engine.IO layer alone. The
 * options' groups are {@link io.pulseio.server.SessionTimeouts} and
 * {@link io.pulseio.server.ServerLimits}.
 *
 * <p>Threads: a server runs on event loop threads it owns (or is given as
 * {@link io.pulseio.server.EventLoops}). Each client connection lives on one of them; every
 * listener, middleware call and ack of that connection runs there, one at a time, so listeners
 * must not block. Methods that send may be called from any thread. Nothing is called for a
 * socket after its disconnect listeners. {@code close()} releases every thread the server made.
 */
package io.pulseio.server;
