/**
 * The client half of the Socket.IO plugin (not exported).
 *
 * <p><b>Node types</b>, one file a node type or a tight pair, descriptor beside behaviour:
 * {@code StartNode} (Socket.IO Start and On Socket.IO Start), {@code StopNode} (Stop, On Stop),
 * {@code SendNode} (Send, and the inputs it shares with Send With Ack), {@code SendWithAckNode},
 * {@code SubscribeNode} (Subscribe, On Subscribe), {@code UnsubscribeNode} (Unsubscribe, On Unsubscribe),
 * {@code OnReceiveNode} (with {@code AutoSubscriptions}, its {@code subscribe} attribute) and
 * {@code OnErrorNode}; {@code EmitArguments} (Send's {@code arguments} attribute). {@code ClientNodes} lists
 * them and holds what they share (the {@code configuration} attribute, the load-time checks);
 * {@code ConnectionReason} is the closed set of their connections' error reasons.
 *
 * <p><b>Connections</b>, the machinery the nodes call: {@code Connection} (the manager of one configured
 * connection: IDLE, CONNECTING, OPEN, RECONNECTING, STOPPING), {@code Namespace}, {@code ClientCallbacks}
 * (the client's callbacks, stamped with a generation, posted to the logic thread),
 * {@code ConnectionListeners} (fires the listener nodes of one connection and writes its trace records) and
 * {@code Connections} (the run's connection managers, reached through {@code ConnectionsRun}; the per-run
 * object {@code SocketIoRun} is in {@code internal.plugin}). Settings: {@code ConnectionReader} and
 * {@code ConnectionSettings} (the whole section is read by {@code internal.plugin.SettingsReader}).
 *
 * <p><b>Threads.</b> Behaviours and connection state run on the logic thread. The client's
 * listeners run on the client's event loop, and its callback executor is the run's logic executor,
 * so {@code ClientCallbacks} reach the logic thread as events; a callback of an older generation
 * (a connection since stopped or restarted) is dropped there. Settings are read on the loading
 * thread and immutable after.
 *
 * <p><b>Nulls.</b> Parameters are not null. A connection's client and sockets are null while it
 * has none (before the first Start).
 */
package io.pulseio.nodes.socketio.internal.client;
