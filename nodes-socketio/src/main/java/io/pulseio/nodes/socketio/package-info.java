/**
 * The Socket.IO plugin ({@code socketio}): {@code SocketIoPlugin}, found by {@code ServiceLoader},
 * is the module's only exported type; its node types, settings and connection managers are
 * internal (docs/socketio-nodes.md is their reference).
 *
 * <p><b>Threads.</b> The plugin instance is stateless and serves every project; per-run state is
 * made on the logic thread when a run starts.
 *
 * <p><b>Nulls.</b> None.
 */
package io.pulseio.nodes.socketio;
