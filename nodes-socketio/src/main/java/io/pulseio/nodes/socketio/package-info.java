/**
 * The Socket.IO plugin ({@code socketio}): {@code SocketIoPlugin}, found by {@code ServiceLoader},
 * is the module's only exported type; its node types, settings and connection managers are
 * internal (docs/socketio-nodes.md is their reference): the client nodes and connections in
 * {@code internal.client}, the server nodes and hosted servers in {@code internal.server}, what both
 * share in {@code internal.shared}, and the settings section and per-run object in
 * {@code internal.plugin}.
 *
 * <p><b>Threads.</b> The plugin instance is stateless and serves every project; per-run state is
 * made on the logic thread when a run starts.
 *
 * <p><b>Nulls.</b> None.
 */
package io.pulseio.nodes.socketio;
