package io.pulseio.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits shared by the interop tests. */
final class Waits {
    /** How long anything that should happen promptly may take (generous: 2 busy cores). */
    static final Duration WAIT = Duration.ofSeconds(10);

    private Waits() {}

    /** The future's value, waiting at most {@link #WAIT}. */
    static <T> T await(CompletableFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Arguments as one compact JSON array, e.g. {@code ["a",1]}. */
    static String json(List<JsonNode> args) {
        return NodeProcess.JSON.createArrayNode().addAll(args).toString();
    }

    /** The first argument of an ack, waiting at most {@link #WAIT}. */
    static JsonNode first(CompletableFuture<List<JsonNode>> ack)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<JsonNode> args = await(ack);
        if (args.isEmpty()) {
            throw new AssertionError("the ack had no arguments");
        }
        return args.get(0);
    }
}
