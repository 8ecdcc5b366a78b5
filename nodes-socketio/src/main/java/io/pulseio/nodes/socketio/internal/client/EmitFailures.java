package io.pulseio.nodes.socketio.internal.client;

import io.pulseio.client.AckTimeoutException;
import io.pulseio.client.SendBufferFullException;
import io.pulseio.client.SocketIoException;
import java.util.concurrent.CompletionException;

/** How a Send or Send With Ack that failed becomes an On Error event, with its reason. */
final class EmitFailures {
    private EmitFailures() {}

    /** Send With Ack got no answer: timed out, not sent (buffer full), or lost. */
    static void ackFailed(Events events, String namespace, String event, long timeout, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof AckTimeoutException) {
            events.error(namespace, "no ack for '" + event + "' within " + timeout + " ms", ConnectionReason.ACK_TIMEOUT, true);
        } else if (cause instanceof SendBufferFullException) {
            events.error(namespace, "event '" + event + "' not sent: " + cause.getMessage(), ConnectionReason.SEND_BUFFER_FULL,
                    true);
        } else {
            events.error(namespace, "no ack for '" + event + "': " + cause.getMessage(), ConnectionReason.ACK_LOST, true);
        }
    }

    /** The client reported an emit it could not send (its socket's onEmitFailed). */
    static void notSent(Events events, String namespace, String event, SocketIoException error) {
        ConnectionReason reason = error instanceof SendBufferFullException ? ConnectionReason.SEND_BUFFER_FULL
                : error instanceof AckTimeoutException ? ConnectionReason.ACK_TIMEOUT : ConnectionReason.ACK_LOST;
        events.error(namespace, "event '" + event + "' not sent: " + error.getMessage(), reason, true);
    }
}
