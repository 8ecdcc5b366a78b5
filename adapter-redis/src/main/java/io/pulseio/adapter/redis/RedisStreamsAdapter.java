package io.pulseio.adapter.redis;

import io.pulseio.adapter.redis.internal.RedisUrls;
import io.pulseio.adapter.redis.internal.StreamsAdapter;
import io.pulseio.adapter.redis.internal.StreamsHub;
import io.pulseio.adapter.redis.internal.StreamsOptions;
import io.pulseio.server.Adapter;
import java.time.Duration;
import java.util.Objects;

/**
 * Joins a pulseio server to a Socket.IO cluster over Redis streams, speaking the protocol of the
 * Node.js {@code @socket.io/redis-streams-adapter} 0.3.x: pulseio and Node.js servers with that
 * adapter on the same Redis act as one. Broadcasts go through a Redis stream, so a server cut off
 * from Redis for a while reads what it missed when it is back, and connection state recovery
 * works across the servers (sessions are kept in Redis). Give it to
 * {@code ServerOptions.Builder.adapter(...)}; close it after the server.
 *
 * <pre>{@code
 * RedisStreamsAdapter redis = RedisStreamsAdapter.create("redis://127.0.0.1:6379");
 * SocketIoServer server = SocketIoServer.create(ServerOptions.builder().adapter(redis)
 *     .connectionStateRecovery(Duration.ofMinutes(2)).build());
 * }</pre>
 *
 * <p>One instance holds one server's connections (commands, pub/sub, and one per stream read),
 * shared by all its namespaces; they open in the background (an unavailable Redis is retried and
 * logged, and the server serves its own clients meanwhile). Thread-safe.
 */
public final class RedisStreamsAdapter implements Adapter.Factory, AutoCloseable {
    private final StreamsHub hub;

    private RedisStreamsAdapter(StreamsHub hub) {
        this.hub = hub;
    }

    /** With Node's defaults (stream and channel prefix {@code socket.io}, 5 s timeouts). */
    public static RedisStreamsAdapter create(String redisUri) {
        return builder(redisUri).build();
    }

    /**
     * @param redisUri such as {@code redis://127.0.0.1:6379} or {@code redis://:password@host:6379/0}
     *     ({@code rediss://} for TLS)
     */
    public static Builder builder(String redisUri) {
        return new Builder(redisUri);
    }

    @Override
    public Adapter create(Adapter.Context context) {
        return new StreamsAdapter(context, hub, () -> {});
    }

    /** Closes the Redis connections; call it after closing the server. */
    @Override
    public void close() {
        hub.close();
    }

    /** Options with the Node adapter's names and defaults. */
    public static final class Builder {
        private final String uri;
        private String password;
        private String streamName = StreamsOptions.DEFAULT_NAME;
        private int streamCount = 1;
        private String channelPrefix = StreamsOptions.DEFAULT_NAME;
        private long maxLen = StreamsOptions.DEFAULT_MAX_LEN;
        private int readCount = StreamsOptions.DEFAULT_READ_COUNT;
        private Duration blockTime = StreamsOptions.DEFAULT_BLOCK_TIME;
        private String sessionKeyPrefix = StreamsOptions.DEFAULT_SESSION_PREFIX;
        private Duration requestsTimeout = Duration.ofSeconds(5);
        private boolean shardedPubSub;

        private Builder(String uri) {
            this.uri = Objects.requireNonNull(uri, "redisUri");
        }

        /** The password, when it is not in the URL (it replaces one that is); null for the URL's. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** The stream's key (Node's {@code streamName}); default {@code socket.io}. */
        public Builder streamName(String name) {
            this.streamName = name;
            return this;
        }

        /**
         * How many streams the namespaces are spread over (Node's {@code streamCount}, default 1);
         * above 1 they are {@code <streamName>-<i>}, chosen per namespace as Node chooses.
         */
        public Builder streamCount(int count) {
            this.streamCount = count;
            return this;
        }

        /** The prefix of the request and response channels (Node's {@code channelPrefix}); default {@code socket.io}. */
        public Builder channelPrefix(String prefix) {
            this.channelPrefix = prefix;
            return this;
        }

        /** The stream's length, trimmed approximately (Node's {@code maxLen}); default 10 000. */
        public Builder maxLen(long maxLen) {
            this.maxLen = maxLen;
            return this;
        }

        /** Entries per read (Node's {@code readCount}); default 100. */
        public Builder readCount(int count) {
            this.readCount = count;
            return this;
        }

        /** How long one read waits for new entries (Node's {@code blockTimeInMs}); default 5 s. */
        public Builder blockTime(Duration time) {
            this.blockTime = time;
            return this;
        }

        /** The prefix of kept sessions' keys (Node's {@code sessionKeyPrefix}); default {@code sio:session:}. */
        public Builder sessionKeyPrefix(String prefix) {
            this.sessionKeyPrefix = prefix;
            return this;
        }

        /**
         * How long {@code fetchSockets} waits for the other servers, and a command waits for Redis;
         * default 5 s.
         */
        public Builder requestsTimeout(Duration timeout) {
            this.requestsTimeout = timeout;
            return this;
        }

        /**
         * Whether requests and answers go over sharded pub/sub ({@code SPUBLISH}/{@code SSUBSCRIBE},
         * Redis 7 or later; Node's {@code useShardedPubSub}); default false. Every server of the
         * cluster must agree.
         */
        public Builder useShardedPubSub(boolean sharded) {
            this.shardedPubSub = sharded;
            return this;
        }

        /**
         * Checks the options; connects nothing yet (the connections open in the background).
         *
         * @throws IllegalArgumentException naming the option that is wrong (an empty name or prefix,
         *     a count, length or duration that is not positive) or for a URI that is not a Redis URI
         *     (the message shows it without its password)
         */
        public RedisStreamsAdapter build() {
            StreamsOptions options = new StreamsOptions(
                    streamName,
                    streamCount,
                    channelPrefix,
                    maxLen,
                    readCount,
                    blockTime,
                    sessionKeyPrefix,
                    requestsTimeout,
                    shardedPubSub);
            return new RedisStreamsAdapter(new StreamsHub(RedisUrls.parse(uri, password), options));
        }
    }
}
