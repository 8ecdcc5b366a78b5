package io.pulseio.server;

/**
 * What a client sent that the server refused, as reported to {@link ServerObserver#inputRejected}:
 * the Socket.IO layer's refusals (a session exists) and the Engine.IO and HTTP layers' (answered
 * over HTTP or by closing the connection, often before a session exists).
 */
public enum RejectedInput {
    /** A packet that does not decode (a parse error): the connection is closed. */
    MALFORMED_PACKET,
    /** A binary packet's attachments went over {@code maxAttachmentBytes}: the connection is closed. */
    ATTACHMENTS_TOO_LARGE,
    /** A binary packet's attachments did not all come within {@code attachmentTimeout}: closed. */
    ATTACHMENTS_TIMEOUT,
    /** A CONNECT for a namespace the server does not have (answered with CONNECT_ERROR). */
    INVALID_NAMESPACE,
    /** A second CONNECT for a namespace the connection has joined or is joining: closed. */
    DUPLICATE_CONNECT,
    /** Engine.IO error 0: a request for a transport the server does not offer (HTTP 400). */
    UNKNOWN_TRANSPORT,
    /** Engine.IO error 1: a request with a session id the server does not know (HTTP 400). */
    UNKNOWN_SESSION,
    /** Engine.IO error 2: a handshake by a method other than GET (HTTP 400). */
    BAD_HANDSHAKE_METHOD,
    /**
     * Engine.IO error 3, or an HTTP request that does not parse: a malformed request, a second
     * poll while one is pending, a body that does not decode (HTTP 400).
     */
    BAD_REQUEST,
    /** Engine.IO error 5: a client of an Engine.IO protocol other than 4 (HTTP 400). */
    UNSUPPORTED_PROTOCOL_VERSION,
    /**
     * A request body over {@code maxHttpBufferSize} (HTTP 413; the connection is closed), or a
     * WebSocket message over it (close 1009).
     */
    BODY_TOO_LARGE,
    /**
     * A request whose headers or body did not arrive within {@code headersTimeout} /
     * {@code requestTimeout} (HTTP 408; the connection is closed).
     */
    REQUEST_TIMEOUT,
    /** A new connection over {@code maxConnections}: closed at once. */
    CONNECTION_LIMIT,
    /**
     * A WebSocket frame that breaks the protocol (reserved bits set without an extension, a bad
     * close code, a close reason that is not UTF-8, ...): answered with close 1002 or 1007.
     */
    WEBSOCKET_PROTOCOL_ERROR
}
