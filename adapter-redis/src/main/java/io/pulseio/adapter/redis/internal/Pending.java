package io.pulseio.adapter.redis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A request this server waits on (fetchSockets, serverSideEmit with an ack): answers counted up
 * to {@code expected}, then {@link #done} completes with all of them. Thread-safe.
 *
 * @param <T> what one server answers
 */
final class Pending<T> {
    final int type;
    final int expected;
    private final List<T> answers = new ArrayList<>();
    final CompletableFuture<List<T>> done = new CompletableFuture<>();

    Pending(int type, int expected) {
        this.type = type;
        this.expected = expected;
    }

    void answer(T answer) {
        List<T> all = null;
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

    synchronized List<T> soFar() {
        return List.copyOf(answers);
    }
}
