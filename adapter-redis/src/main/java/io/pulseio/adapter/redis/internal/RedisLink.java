package io.pulseio.adapter.redis.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server's two connections to Redis, shared by the adapters of all its namespaces: one to
 * publish and query, one subscribed. Connects in the background and keeps trying while Redis is
 * unavailable at start; once connected, Lettuce reconnects by itself and subscribes again to
 * every channel and pattern. While disconnected, at most {@link #QUEUE} commands wait; others
 * fail at once (logged once per outage). Thread-safe; handlers run on Lettuce's I/O thread.
 */
public final class RedisLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.adapter.redis");
    /** Commands kept while the connection is down (Lettuce's request queue). */
    static final int QUEUE = 1000;
    /**
     * Commands in flight on an open connection (Lettuce's command stack, which its request queue
     * size bounds too): far above any burst, so that a burst of broadcasts is never refused while
     * Redis is there, and still a bound should Redis stop answering without closing.
     */
    static final int IN_FLIGHT = 100_000;

    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5000;

    private final io.lettuce.core.resource.ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final String where;
    private final Map<String, BiConsumer<String, byte[]>> channels = new ConcurrentHashMap<>();
    private final Map<String, BiConsumer<String, byte[]>> patterns = new ConcurrentHashMap<>();
    private final Map<String, BiConsumer<String, byte[]>> shardChannels = new ConcurrentHashMap<>();
    private final AtomicBoolean warnedDown = new AtomicBoolean();
    /** Commands sent while the connection was down and not completed yet. */
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

    private volatile StatefulRedisConnection<byte[], byte[]> pub;
    private volatile StatefulRedisPubSubConnection<byte[], byte[]> sub;
    private volatile boolean closed;

    /**
     * @param commandTimeout how long a command (a publish, a count) may wait, also while the
     *     connection is down
     */
    public RedisLink(RedisURI uri, java.time.Duration commandTimeout) {
        this.uri = uri;
        this.where = uri.getHost() + ":" + uri.getPort();
        // Lettuce's reconnect delay, as this class's first connection's: 100 ms doubling up to 5 s
        // (Lettuce's default grows to 30 s, too long a silence after a short outage)
        this.resources = io.lettuce.core.resource.ClientResources.builder()
                .reconnectDelay(io.lettuce.core.resource.Delay.exponential(
                        java.time.Duration.ofMillis(FIRST_RETRY_MILLIS),
                        java.time.Duration.ofMillis(MAX_RETRY_MILLIS),
                        2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .requestQueueSize(IN_FLIGHT)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> connection) {
                if (!closed) {
                    LOG.warn(
                            "lost the connection to Redis at {}: reconnecting; until then other servers"
                                    + " miss what this one publishes, and this one what they publish",
                            where);
                }
            }

            @Override
            public void onRedisConnected(io.lettuce.core.RedisChannelHandler<?, ?> connection, SocketAddress address) {
                warnedDown.set(false);
                var s = sub;
                if (s != null && connection == s && !closed) {
                    // Lettuce subscribes again to what Redis had confirmed; a subscription still in
                    // flight when the connection dropped (a room's channel made just before) it
                    // forgets, so this link asks again for all it wants (Redis ignores repeats)
                    resubscribe(s);
                }
            }
        });
        connect(FIRST_RETRY_MILLIS);
    }

    /** Where it connects, for messages. */
    public String where() {
        return where;
    }

    /** Where it connects (for another connection of the same client, such as a stream reader). */
    RedisURI uri() {
        return uri;
    }

    /** The client's threads and event loops, shared with the stream readers' clients. */
    io.lettuce.core.resource.ClientResources resources() {
        return resources;
    }

    /** Whether the command connection is open now (false before it first opened and while down). */
    boolean connected() {
        var p = pub;
        return p != null && p.isOpen();
    }

    /**
     * Runs a command on the command connection. The future fails at once when it never opened, and
     * with a message naming Redis and {@code what} when Redis fails it (or after the timeout).
     */
    <T> CompletableFuture<T> command(
            String what,
            java.util.function.Function<
                            io.lettuce.core.api.async.RedisAsyncCommands<byte[], byte[]>,
                            io.lettuce.core.RedisFuture<T>>
                    call) {
        var p = pub;
        if (p == null) {
            return CompletableFuture.failedFuture(unavailable());
        }
        CompletableFuture<T> out = new CompletableFuture<>();
        queued(p, () -> call.apply(p.async())).whenComplete((value, error) -> {
            if (error != null) {
                out.completeExceptionally(new IllegalStateException(
                        "Redis at " + where + " did not " + what + ": " + rootMessage(error), error));
            } else {
                out.complete(value);
            }
        });
        return out;
    }

    private void connect(long retryMillis) {
        if (closed) {
            return;
        }
        CompletableFuture<StatefulRedisConnection<byte[], byte[]>> p = pub != null
                ? CompletableFuture.completedFuture(pub)
                : client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture();
        p.thenCompose(c -> {
                    pub = c;
                    return sub != null
                            ? CompletableFuture.completedFuture(sub)
                            : client.connectPubSubAsync(ByteArrayCodec.INSTANCE, uri)
                                    .toCompletableFuture();
                })
                .whenComplete((s, error) -> {
                    if (error != null) {
                        String text = "Redis at {} is unavailable ({}); retrying in {} ms; meanwhile broadcasts"
                                + " reach this server's clients only";
                        if (retryMillis == FIRST_RETRY_MILLIS) {
                            LOG.warn(text, where, rootMessage(error), retryMillis);
                        } else {
                            LOG.debug(text, where, rootMessage(error), retryMillis);
                        }
                        client.getResources()
                                .eventExecutorGroup()
                                .schedule(
                                        () -> connect(Math.min(retryMillis * 2, MAX_RETRY_MILLIS)),
                                        retryMillis,
                                        TimeUnit.MILLISECONDS);
                        return;
                    }
                    if (closed) {
                        s.closeAsync();
                        return;
                    }
                    s.addListener(new RedisPubSubAdapter<>() {
                        @Override
                        public void message(byte[] channel, byte[] message) {
                            String name = text(channel);
                            BiConsumer<String, byte[]> handler = channels.get(name);
                            if (handler != null) {
                                handler.accept(name, message);
                            }
                        }

                        @Override
                        public void smessage(byte[] channel, byte[] message) {
                            String name = text(channel);
                            BiConsumer<String, byte[]> handler = shardChannels.get(name);
                            if (handler != null) {
                                handler.accept(name, message);
                            }
                        }

                        @Override
                        public void message(byte[] pattern, byte[] channel, byte[] message) {
                            BiConsumer<String, byte[]> handler = patterns.get(text(pattern));
                            if (handler != null) {
                                handler.accept(text(channel), message);
                            }
                        }
                    });
                    sub = s;
                    LOG.info("connected to Redis at {}", where);
                    resubscribe(s);
                });
    }

    /** Subscribes to every channel, pattern and sharded channel wanted now. */
    private void resubscribe(StatefulRedisPubSubConnection<byte[], byte[]> s) {
        channels.keySet().forEach(c -> s.async().subscribe(bytes(c)));
        patterns.keySet().forEach(c -> s.async().psubscribe(bytes(c)));
        shardChannels.keySet().forEach(c -> s.async().ssubscribe(bytes(c)));
    }

    /** Subscribes to channels (now, or once connected). */
    public void subscribe(List<String> names, BiConsumer<String, byte[]> handler) {
        for (String name : names) {
            channels.put(name, handler);
            var s = sub;
            if (s != null) {
                s.async().subscribe(bytes(name));
            }
        }
    }

    /** Subscribes to sharded channels ({@code SSUBSCRIBE}, Redis 7; now, or once connected). */
    public void ssubscribe(List<String> names, BiConsumer<String, byte[]> handler) {
        for (String name : names) {
            shardChannels.put(name, handler);
            var s = sub;
            if (s != null) {
                s.async().ssubscribe(bytes(name));
            }
        }
    }

    /** Unsubscribes from sharded channels. */
    public void sunsubscribe(List<String> names) {
        names.forEach(shardChannels::remove);
        var s = sub;
        if (s != null && !closed) {
            s.async().sunsubscribe(names.stream().map(RedisLink::bytes).toArray(byte[][]::new));
        }
    }

    /** Subscribes to a pattern (now, or once connected). */
    public void psubscribe(String pattern, BiConsumer<String, byte[]> handler) {
        patterns.put(pattern, handler);
        var s = sub;
        if (s != null) {
            s.async().psubscribe(bytes(pattern));
        }
    }

    /** Unsubscribes from channels and from a pattern (none when null). */
    public void unsubscribe(List<String> names, String pattern) {
        names.forEach(channels::remove);
        if (pattern != null) {
            patterns.remove(pattern);
        }
        var s = sub;
        if (s != null && !closed) {
            s.async().unsubscribe(names.stream().map(RedisLink::bytes).toArray(byte[][]::new));
            if (pattern != null) {
                s.async().punsubscribe(bytes(pattern));
            }
        }
    }

    /** Publishes; fails (and warns once per outage) when Redis cannot take it. */
    public CompletableFuture<Long> publish(String channel, byte[] message) {
        return publish(channel, message, false);
    }

    /** Publishes, with {@code SPUBLISH} when {@code sharded}; fails as {@link #publish}. */
    public CompletableFuture<Long> publish(String channel, byte[] message, boolean sharded) {
        var p = pub;
        if (p == null) {
            warnDown("not connected yet");
            return CompletableFuture.failedFuture(unavailable());
        }
        CompletableFuture<Long> sent = new CompletableFuture<>();
        queued(
                        p,
                        () -> sharded
                                ? p.async().spublish(bytes(channel), message)
                                : p.async().publish(bytes(channel), message))
                .whenComplete((n, e) -> {
                    if (e != null) {
                        warnDown(rootMessage(e));
                        sent.completeExceptionally(e);
                    } else {
                        sent.complete(n);
                    }
                });
        return sent;
    }

    /**
     * Sends a command; while the connection is down at most {@link #QUEUE} of them wait for it
     * (Lettuce keeps them and sends them once reconnected, unless they time out first), and the
     * others fail at once, so that an outage holds a bounded number of messages.
     */
    private <T> CompletableFuture<T> queued(
            StatefulRedisConnection<byte[], byte[]> p,
            java.util.function.Supplier<io.lettuce.core.RedisFuture<T>> send) {
        if (p.isOpen()) {
            return send.get().toCompletableFuture();
        }
        if (waiting.incrementAndGet() > QUEUE) {
            waiting.decrementAndGet();
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Request queue size exceeded: " + QUEUE + " commands wait for the connection"));
        }
        CompletableFuture<T> out = send.get().toCompletableFuture();
        out.whenComplete((x, e) -> waiting.decrementAndGet());
        return out;
    }

    /** How many connections are subscribed to {@code channel} ({@code PUBSUB NUMSUB}). */
    public CompletableFuture<Integer> numsub(String channel) {
        return numsub(channel, false);
    }

    /** As {@link #numsub(String)}, with {@code PUBSUB SHARDNUMSUB} when {@code sharded}. */
    public CompletableFuture<Integer> numsub(String channel, boolean sharded) {
        var p = pub;
        if (p == null) {
            return CompletableFuture.failedFuture(unavailable());
        }
        CompletableFuture<Integer> count = new CompletableFuture<>();
        (sharded ? p.async().pubsubShardNumsub(bytes(channel)) : p.async().pubsubNumsub(bytes(channel)))
                .whenComplete((counts, error) -> {
                    if (error != null) {
                        count.completeExceptionally(new IllegalStateException(
                                "Redis at " + where + " did not count the servers: " + rootMessage(error), error));
                    } else {
                        count.complete(counts.values().stream()
                                .mapToInt(Long::intValue)
                                .sum());
                    }
                });
        return count;
    }

    private IllegalStateException unavailable() {
        return new IllegalStateException("Redis at " + where + " is unavailable");
    }

    /** Warns once per outage that what this server sends does not reach the others. */
    void warnDown(String reason) {
        if (warnedDown.compareAndSet(false, true)) {
            LOG.warn(
                    "cannot publish to Redis at {} ({}): other servers miss what this one sends until" + " it is back",
                    where,
                    reason);
        }
    }

    @Override
    public void close() {
        closed = true;
        client.shutdown(0, 2, TimeUnit.SECONDS);
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** The innermost message of the chain, past the futures' wrappers; a closed channel says none. */
    static String rootMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            boolean wrapper = t instanceof java.util.concurrent.CompletionException
                    || t instanceof java.util.concurrent.ExecutionException;
            if (!wrapper && t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message != null ? message : "the connection was refused or closed";
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
