package io.pulseio.server.internal.netty;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.pulseio.server.RejectedInput;

/** The errors an Engine.IO server answers with, with the codes and messages of the Node.js one. */
public enum EngineError {
    UNKNOWN_TRANSPORT(0, "Transport unknown"),
    UNKNOWN_SID(1, "Session ID unknown"),
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
    BAD_REQUEST(3, "Bad request"),
    FORBIDDEN(4, "Forbidden"),
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

    private final int code;
    private final String message;

    EngineError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** The kind reported to observers for this error. */
    public RejectedInput kind() {
        return switch (this) {
            case UNKNOWN_TRANSPORT -> RejectedInput.UNKNOWN_TRANSPORT;
            case UNKNOWN_SID -> RejectedInput.UNKNOWN_SESSION;
            case BAD_HANDSHAKE_METHOD -> RejectedInput.BAD_HANDSHAKE_METHOD;
            case BAD_REQUEST, FORBIDDEN -> RejectedInput.BAD_REQUEST; // no request is forbidden today
            case UNSUPPORTED_PROTOCOL_VERSION -> RejectedInput.UNSUPPORTED_PROTOCOL_VERSION;
        };
    }

    public HttpResponseStatus status() {
        return this == FORBIDDEN ? HttpResponseStatus.FORBIDDEN : HttpResponseStatus.BAD_REQUEST;
    }

    /** The response body: {@code {"code":N,"message":"..."}}. */
    public String json() {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
    }
}
