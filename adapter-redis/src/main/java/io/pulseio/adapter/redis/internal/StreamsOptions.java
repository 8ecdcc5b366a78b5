package io.pulseio.adapter.redis.internal;

import java.time.Duration;

/**
 * The options of the streams adapter, with the names and defaults of
 * {@code @socket.io/redis-streams-adapter} 0.3.x; checked when made. Immutable.
 *
 * @param streamName the stream's key, or the prefix of the keys when {@code streamCount > 1}
 * @param streamCount how many streams the namespaces are spread over
 * @param channelPrefix the prefix of the pub/sub channels of requests and responses
 * @param maxLen the stream's length kept by {@code XADD ... MAXLEN ~}
 * @param readCount entries fetched per {@code XREAD}
 * @param blockTime how long one {@code XREAD} waits for entries
 * @param sessionKeyPrefix the prefix of the keys of kept sessions (connection state recovery)
 * @param requestsTimeout how long fetchSockets waits for the other servers, and a command for
 *     Redis
 * @param shardedPubSub whether requests and answers go over sharded pub/sub ({@code SPUBLISH},
 *     {@code SSUBSCRIBE}, counted by {@code PUBSUB SHARDNUMSUB}; Redis 7), Node's
 *     {@code useShardedPubSub}
 */
public record StreamsOptions(
        String streamName,
        int streamCount,
        String channelPrefix,
        long maxLen,
        int readCount,
        Duration blockTime,
        String sessionKeyPrefix,
        Duration requestsTimeout,
        boolean shardedPubSub) {
    public static final String DEFAULT_NAME = "socket.io";
    public static final int DEFAULT_MAX_LEN = 10_000;
    public static final int DEFAULT_READ_COUNT = 100;
    public static final Duration DEFAULT_BLOCK_TIME = Duration.ofSeconds(5);
    public static final String DEFAULT_SESSION_PREFIX = "sio:session:";

    /** @throws IllegalArgumentException naming the option that is wrong and its value */
    public StreamsOptions {
        nonEmpty("streamName", streamName);
        nonEmpty("channelPrefix", channelPrefix);
        nonEmpty("sessionKeyPrefix", sessionKeyPrefix);
        if (streamCount < 1) {
            throw new IllegalArgumentException("streamCount must be at least 1, was " + streamCount);
        }
        if (maxLen < 1) {
            throw new IllegalArgumentException("maxLen must be positive, was " + maxLen);
        }
        if (readCount < 1) {
            throw new IllegalArgumentException("readCount must be positive, was " + readCount);
        }
        positive("blockTime", blockTime);
        positive("requestsTimeout", requestsTimeout);
    }

    /** Without sharded pub/sub. */
    public StreamsOptions(
            String streamName,
            int streamCount,
            String channelPrefix,
            long maxLen,
            int readCount,
            Duration blockTime,
            String sessionKeyPrefix,
            Duration requestsTimeout) {
        this(
                streamName,
                streamCount,
                channelPrefix,
                maxLen,
                readCount,
                blockTime,
                sessionKeyPrefix,
                requestsTimeout,
                false);
    }

    /** Node's defaults: stream and channels {@code socket.io}, 5 s timeouts. */
    public static StreamsOptions defaults() {
        return named(DEFAULT_NAME);
    }

    /** Node's defaults with {@code name} as the stream's name and the channels' prefix. */
    public static StreamsOptions named(String name) {
        return new StreamsOptions(
                name,
                1,
                name,
                DEFAULT_MAX_LEN,
                DEFAULT_READ_COUNT,
                DEFAULT_BLOCK_TIME,
                DEFAULT_SESSION_PREFIX,
                Duration.ofSeconds(5));
    }

    /** The stream of a namespace: Node's choice ({@code hashCode(nsp) % streamCount}, sign kept). */
    public String streamFor(String namespace) {
        // Java's String.hashCode is the same 31-based 32-bit hash as the Node adapter's hashCode(),
        // and % keeps the sign in both languages
        return streamCount == 1 ? streamName : streamName + "-" + (namespace.hashCode() % streamCount);
    }

    private static void nonEmpty(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
