/**
 * The server half of the Socket.IO plugin (not exported).
 *
 * <p><b>Node types</b>, one file a node type or a tight pair, descriptor beside behaviour:
 * {@code ServerStartNode} (Server Start and On Server Start), {@code ServerStopNode} (Server Stop, On Server
 * Stop), {@code ServerEmitNode}, {@code AnswerAckNode}, {@code RoomNodes} (Join Room, Leave Room),
 * {@code DisconnectClientNode} (Disconnect Client, On Client Disconnect), {@code OnClientConnectNode},
 * {@code OnServerReceiveNode} and {@code OnServerErrorNode}. {@code ServerNodes} lists them and holds what
 * they share (the {@code server} attribute, the {@code message} input, the load-time check);
 * {@code ServerReason} is the closed set of their servers' error reasons.
 *
 * <p><b>Servers</b>, the machinery the nodes call: {@code HostedServer} (one configured server for one run:
 * Start binds, Stop closes, its clients' events come back as events), {@code ServerListeners} (fires the
 * listener nodes of one server and writes its trace records) and {@code Servers} (the hosted servers of a
 * run and their control thread, reached through {@code ServersRun}); {@code ServerReader},
 * {@code ServerSettings} and {@code MetricsSetting} for the settings.
 *
 * <p><b>Threads.</b> Behaviours run on the logic thread. A server binds and closes on the control
 * thread of {@code Servers}, never on the logic thread; its sockets' callbacks run on the server's
 * event loops and are posted to the logic thread as events.
 *
 * <p><b>Nulls.</b> Parameters are not null. A hosted server's running server is null while it is
 * stopped.
 */
package io.pulseio.nodes.socketio.internal.server;
