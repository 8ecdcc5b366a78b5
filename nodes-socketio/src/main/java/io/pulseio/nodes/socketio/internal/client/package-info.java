/**
 * The client half of the Socket.IO plugin (not exported). Node types: {@code NodeTypes}
 * (descriptors) with {@code NodeShapes} and {@code NodeShapes} (shared pieces), {@code Actions}
 * (action behaviours), {@code Events} (firing listener nodes), {@code EmitFailures},
 * {@code NodeError} and {@code Reasons}. Connections: {@code Connection} (the manager of one
 * configured connection: IDLE, CONNECTING, OPEN, RECONNECTING, STOPPING), {@code Namespace},
 * {@code ClientCallbacks} (the client's callbacks, stamped with a generation, posted to the logic
 * thread), {@code Connections} (per-run state, reached through {@code ConnectionsRun}; the per-run object {@code SocketIoRun} is in {@code internal.plugin}). Settings and load-time
 * checks: ({@code internal.plugin.SettingsReader} reads the whole section) {@code ConnectionReader}, {@code ConnectionSettings},
 * {@code ScalarReader}, {@code Validation}; {@code MessageText} converts event arguments to and from
 * the {@code message} pins.
 *
 * <p><b>Threads.</b> NodeShapes and connection state run on the logic thread. The client's
 * listeners run on the client's event loop, and its callback executor is the run's logic executor,
 * so {@code ClientCallbacks} reach the logic thread as events; a callback of an older generation
 * (a connection since stopped or restarted) is dropped there. Settings are read on the loading
 * thread and immutable after.
 *
 * <p><b>Nulls.</b> Parameters are not null. A connection's client and sockets are null while it
 * has none (before the first Start).
 */
package io.pulseio.nodes.socketio.internal.client;
