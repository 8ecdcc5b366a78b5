package io.pulseio.adapter.redis.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The emitter's one connection to Redis: opened in the background at once, and again on the next
 * publish after it failed; a publish waits for it. Thread-safe.
 */
public final class EmitterLink implements AutoCloseable {
    private final RedisClient client;
    private final RedisURI uri;
    private final String where;
    private CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connection;
    private volatile boolean closed;

    public EmitterLink(RedisURI uri) {
        this.uri = uri;
        this.where = uri.getHost() + ":" + uri.getPort();
        this.client = RedisClient.create(uri);
        connection();
    }

    private synchronized CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connection() {
        if (connection == null || connection.isCompletedExceptionally()) {
            connection = client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture();
        }
        return connection;
    }

    /** Publishes; the future fails with a message naming Redis's address when it cannot. */
    public CompletableFuture<Long> publish(String channel, byte[] message) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the emitter is closed"));
        }
        CompletableFuture<Long> sent = new CompletableFuture<>();
        connection()
                .thenCompose(c -> c.async()
                        .publish(channel.getBytes(StandardCharsets.UTF_8), message)
                        .toCompletableFuture())
                .whenComplete((n, e) -> {
                    if (e == null) {
                        sent.complete(n);
                    } else {
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        sent.completeExceptionally(new IllegalStateException(
                                "cannot publish to Redis at " + where + ": " + cause.getMessage(), cause));
                    }
                });
        return sent;
    }

    @Override
    public void close() {
        closed = true;
        client.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
