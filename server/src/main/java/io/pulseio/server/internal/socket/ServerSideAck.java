package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.pulseio.server.Ack;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The answer to another server's server-side event: its first argument, sent once. */
final class ServerSideAck implements Ack {
    private final Consumer<JsonNode> answer;
    private final AtomicBoolean sent = new AtomicBoolean();

    ServerSideAck(Consumer<JsonNode> answer) {
        this.answer = answer;
    }

    @Override
    public void send(Object... args) {
        JsonNode value = args.length == 0 ? NullNode.instance : Args.toJson(args[0]);
        if (sent.compareAndSet(false, true)) {
            answer.accept(value);
        }
    }

    @Override
    public boolean sent() {
        return sent.get();
    }
}
