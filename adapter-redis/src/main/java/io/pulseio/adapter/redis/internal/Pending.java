package io.pulseio.adapter.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A request this server waits on (fetchSockets, serverSideEmit with an ack): answers counted up
 * to {@code expected}, then {@link #done} completes with all of them. Thread-safe.
 */
final class Pending {
    final int type;
    final int expected;
    private final List<JsonNode> answers = new ArrayList<>();
    final CompletableFuture<List<JsonNode>> done = new CompletableFuture<>();

    Pending(int type, int expected) {
        this.type = type;
        this.expected = expected;
    }

    void answer(JsonNode answer) {
        List<JsonNode> all = null;
        synchronized (this) {
            answers.add(answer);
            if (answers.size() >= expected) {
                all = List.copyOf(answers);
            }
        }
        if (all != null) {
            done.complete(all);
        }
    }

    synchronized List<JsonNode> soFar() {
        return List.copyOf(answers);
    }
}
