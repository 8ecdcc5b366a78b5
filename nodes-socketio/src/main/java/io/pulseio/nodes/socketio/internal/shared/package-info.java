/**
 * What the client nodes ({@code internal.client}) and the server nodes ({@code internal.server}) share
 * (not exported): the shape of an action and a listener ({@code NodeShapes}), the rules of the
 * {@code eventName} and {@code namespace} inputs ({@code EventName}, {@code NamespaceName}), the message
 * text ({@code MessageText}), a node's failure ({@code NodeError}) and its reason ({@code Reason}, of
 * which {@code NodeReason} holds the ones both sides use), the trace records
 * ({@code PluginTrace}), the metrics ({@code RunMetrics}), the problem kinds ({@code SocketIoProblems}),
 * the connection or server a node names by default ({@code DefaultOwner}) and the settings' scalar
 * values ({@code ScalarReader}). Both sides depend on this package; it depends on neither.
 *
 * <p><b>Threads.</b> Everything here is pure or thread-safe, except {@code ScalarReader}, which one
 * loading thread uses. <b>Nulls.</b> Parameters are not null unless documented.
 */
package io.pulseio.nodes.socketio.internal.shared;
