/**
 * The server half of the Socket.IO plugin (not exported): {@code ServerNodeTypes} (descriptors),
 * {@code ServerActions}, {@code ServerEvents}, {@code ServerError}, {@code ServerReasons};
 * {@code HostedServer} (one configured server for one run: Start binds, Stop closes, its clients'
 * events come back as events) and {@code Servers} (the hosted servers of a run and their control
 * thread); {@code ServerReader}, {@code ServerSettings} and {@code ServerValidation} for the
 * settings.
 *
 * <p><b>Threads.</b> NodeShapes run on the logic thread. A server binds and closes on the control
 * thread of {@code Servers}, never on the logic thread; its sockets' callbacks run on the server's
 * event loops and are posted to the logic thread as events.
 *
 * <p><b>Nulls.</b> Parameters are not null. A hosted server's running server is null while it is
 * stopped.
 */
package io.pulseio.nodes.socketio.internal.server;
