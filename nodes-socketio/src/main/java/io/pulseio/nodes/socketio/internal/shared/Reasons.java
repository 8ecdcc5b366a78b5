package io.pulseio.nodes.socketio.internal.shared;

/**
 * The {@code reason} values of On Socket.IO Error and On Socket.IO Stop, besides Socket.IO's own
 * disconnect reasons ({@code transport close}, {@code ping timeout}, {@code transport error},
 * {@code parse error}, {@code io server disconnect}, {@code io client disconnect}), which are passed on
 * as the client reports them. The full list is in {@code docs/socketio-nodes.md}.
 */
public final class Reasons {
    /** The connection could not be opened (refused, unreachable, TLS failure ...). */
    public static final String CONNECT_ERROR = "connect error";
    /** Opening the connection or joining a namespace took longer than {@code connectTimeout}. */
    public static final String CONNECT_TIMEOUT = "connect timeout";
    /** The server refused to let the client join a namespace (its message is passed on). */
    public static final String NAMESPACE_REFUSED = "namespace refused";
    /** The client gave up after {@code reconnection.attempts} attempts. */
    public static final String RECONNECT_FAILED = "reconnect failed";
    /** Send, Send With Ack, Subscribe or Unsubscribe on a connection that is not started. */
    public static final String NOT_STARTED = "not started";
    /** An empty or reserved event name. */
    public static final String INVALID_EVENT_NAME = "invalid event name";
    /** A namespace that does not start with {@code /}. */
    public static final String INVALID_NAMESPACE = "invalid namespace";
    /** A message that cannot be sent, e.g. invalid JSON in {@code json} mode. */
    public static final String INVALID_MESSAGE = "invalid message";
    /** The send buffer was full while the connection was not established. */
    public static final String SEND_BUFFER_FULL = "send buffer full";
    /** No acknowledgement within the timeout. */
    public static final String ACK_TIMEOUT = "ack timeout";
    /** The acknowledgement cannot come any more: the namespace was left or the connection closed. */
    public static final String ACK_LOST = "ack lost";
    /** The connection's settings could not be turned into a client (e.g. an unreadable TLS file). */
    public static final String INVALID_SETTINGS = "invalid settings";
    /** A Socket.IO node failed for another reason (e.g. a linked input that could not be computed). */
    public static final String NODE_FAILURE = "node failure";

    private Reasons() {
    }
}
