package io.pulseio.server;

/**
 * What a client sent that the Socket.IO layer refused, as reported to {@link
 * ServerObserver#inputRejected}. The Engine.IO layer's refusals (a bad handshake, an unknown
 * session id, a request body over {@code maxHttpBufferSize}) are answered over HTTP and not
 * reported here.
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
  DUPLICATE_CONNECT
}
