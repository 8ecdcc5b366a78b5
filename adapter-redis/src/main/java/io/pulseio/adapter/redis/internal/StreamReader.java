package io.pulseio.adapter.redis.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one stream on a connection of its own ({@code XREAD BLOCK} does not share), from its
 * end at the first read (its last id then, not {@code $}: see {@link #read}) and from the last
 * entry read ever after, and hands every
 * entry to the adapter of the namespace it names, in stream order, on Lettuce's I/O thread. When
 * Redis fails a read or goes away it retries (100 ms doubling up to 5 s) from the same entry,
 * so nothing that stays in the stream is skipped. Thread-safe.
 */
final class StreamReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.adapter.redis");
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5000;

    private final RedisLink link;
    private final String stream;
    private final byte[] key;
    private final StreamsOptions options;
    private final RedisClient client;
    private final Map<String, BiConsumer<StreamsWire.Message, String>> namespaces = new ConcurrentHashMap<>();
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile boolean closed;
    /** The last entry read (null before the first read); touched by one read at a time. */
    private volatile String offset;

    private volatile String failing;

    StreamReader(RedisLink link, String stream, StreamsOptions options) {
        this.link = link;
        this.stream = stream;
        this.key = RedisLink.bytes(stream);
        this.options = options;
        this.client = RedisClient.create(link.resources(), link.uri());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(options.blockTime().plus(options.requestsTimeout())))
                .build());
        connect(FIRST_RETRY_MILLIS);
    }

    /** Hands the entries of namespace {@code nsp} to {@code handler} (message, entry id). */
    void register(String nsp, BiConsumer<StreamsWire.Message, String> handler) {
        namespaces.put(nsp, handler);
    }

    void unregister(String nsp) {
        namespaces.remove(nsp);
    }

    private void connect(long retryMillis) {
        if (closed) {
            return;
        }
        client.connectAsync(ByteArrayCodec.INSTANCE, link.uri()).whenComplete((c, error) -> {
            if (error != null) {
                LOG.debug(
                        "stream '{}': Redis at {} is unavailable ({}); retrying in {} ms",
                        stream,
                        link.where(),
                        RedisLink.rootMessage(error),
                        retryMillis);
                later(() -> connect(Math.min(retryMillis * 2, MAX_RETRY_MILLIS)), retryMillis);
                return;
            }
            if (closed) {
                c.closeAsync();
                return;
            }
            connection = c;
            read(FIRST_RETRY_MILLIS);
        });
    }

    private void read(long retryMillis) {
        var c = connection;
        if (closed || c == null) {
            return;
        }
        if (offset == null) {
            // the first read starts at the stream's end as it is now, named by its id rather than $,
            // so that a read that fails and is retried misses nothing written in between
            c.async().xrevrange(key, Range.unbounded(), Limit.from(1)).whenComplete((last, e) -> {
                if (e != null) {
                    failed(e, retryMillis);
                } else {
                    offset = last.isEmpty() ? "0-0" : last.get(0).getId();
                    read(retryMillis);
                }
            });
            return;
        }
        XReadArgs args = XReadArgs.Builder.block(options.blockTime().toMillis()).count(options.readCount());
        c.async().xread(args, XReadArgs.StreamOffset.from(key, offset)).whenComplete((entries, e) -> {
            if (closed) {
                return;
            }
            if (e != null) {
                failed(e, retryMillis);
                return;
            }
            if (failing != null) {
                failing = null;
                // a warning too, so that whoever saw the first one sees the outage end
                LOG.warn(
                        "reading stream '{}' from Redis at {} again, after entry {}: what the other"
                                + " servers sent meanwhile is delivered now",
                        stream,
                        link.where(),
                        offset);
            }
            deliver(entries);
            read(FIRST_RETRY_MILLIS);
        });
    }

    private void failed(Throwable e, long retryMillis) {
        if (closed) {
            return;
        }
        if (failing == null) {
            failing = RedisLink.rootMessage(e);
            LOG.warn(
                    "cannot read stream '{}' from Redis at {} ({}): retrying from entry {}; until"
                            + " then this server's clients wait for what the other servers send",
                    stream,
                    link.where(),
                    failing,
                    offset == null ? "(its end)" : offset);
        }
        later(() -> read(Math.min(retryMillis * 2, MAX_RETRY_MILLIS)), retryMillis);
    }

    private void deliver(List<StreamMessage<byte[], byte[]>> entries) {
        if (entries == null) {
            return;
        }
        for (StreamMessage<byte[], byte[]> entry : entries) {
            offset = entry.getId();
            StreamsWire.Message message;
            try {
                message = StreamsWire.fromFields(entry.getBody());
            } catch (Exception ex) {
                LOG.warn(
                        "stream '{}': entry {} could not be read, skipped: {}", stream, entry.getId(), ex.getMessage());
                continue;
            }
            if (message == null) {
                continue;
            }
            var handler = namespaces.get(message.nsp());
            if (handler != null) {
                try {
                    handler.accept(message, entry.getId());
                } catch (RuntimeException ex) {
                    LOG.warn(
                            "stream '{}': handling entry {} (type {}) failed",
                            stream,
                            entry.getId(),
                            message.type(),
                            ex);
                }
            }
        }
    }

    private void later(Runnable task, long millis) {
        if (!closed) {
            try {
                link.resources().eventExecutorGroup().schedule(task, millis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        client.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
