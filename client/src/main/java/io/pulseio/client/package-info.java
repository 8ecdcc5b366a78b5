/**
 * A Socket.IO v4 client (Engine.IO v4, Socket.IO protocol v5) for the JVM.
 *
 * <p><b>Shape.</b> A {@link io.pulseio.client.SocketIoClient}, made from immutable
 * {@link io.pulseio.client.ClientOptions}, holds one connection to one server and hands out one
 * {@link io.pulseio.client.Socket} per namespace. Sockets emit events (with acks, retries,
 * buffering while disconnected) and deliver incoming events to
 * {@link io.pulseio.client.EventListener}s. Lifecycle is told to
 * {@link io.pulseio.client.SocketListener} (per namespace) and
 * {@link io.pulseio.client.ClientListener} (connection and reconnection). Every registration
 * returns a {@link io.pulseio.client.Subscription}.
 *
 * <p><b>Threads.</b> Nothing here is static. Each client lives on one event loop thread, taken
 * from shared {@link io.pulseio.client.EventLoops} or made for it alone; its number of threads
 * never grows with connections, round trips, timers or reconnection attempts, and
 * {@link io.pulseio.client.SocketIoClient#close()} releases the threads it made. Every public
 * method may be called from any thread and none blocks, except {@code close()} (briefly).
 * Listeners run, and futures complete, on the callback executor of the options: by default the
 * event loop itself (then never block in a listener), or e.g. the application's own event thread.
 *
 * <p><b>Nulls.</b> Parameters must not be null unless documented otherwise
 * ({@link java.lang.NullPointerException} naming the parameter). Getters that may return null say
 * so (e.g. {@link io.pulseio.client.Socket#id()} before connecting). A null event argument is sent
 * as JSON null; an {@link io.pulseio.client.Ack} parameter is null when the server asked none.
 *
 * <p><b>JSON.</b> Values travel as Jackson {@code JsonNode}s. Binary data is {@code byte[]} on the
 * way out and {@code BinaryNode} on the way in, anywhere inside the arguments.
 */
package io.pulseio.client;
