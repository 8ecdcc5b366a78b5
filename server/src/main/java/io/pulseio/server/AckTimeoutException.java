package io.pulseio.server;

import java.util.List;

/**
 * Not every acknowledgement arrived in time. For a broadcast, {@link #replies()} holds those that
 * did.
 */
public final class AckTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<AckReply> replies;

    public AckTimeoutException(String message, List<AckReply> replies) {
        super(message, null, false, false);
        this.replies = List.copyOf(replies);
    }

    /** The replies received before the timeout. */
    public List<AckReply> replies() {
        return replies;
    }
}
