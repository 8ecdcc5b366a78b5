package io.pulseio.protocol;

/**
 * The one way decoding fails: the input broke a rule of Engine.IO v4 or Socket.IO v5.
 *
 * <p>Every decoder in this package throws only this exception for bad input, whatever the input
 * is; the {@linkplain #getMessage() message} says which rule was broken and, where it helps,
 * where in the input.
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String reason) {
        super(reason);
    }

    public ProtocolException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
