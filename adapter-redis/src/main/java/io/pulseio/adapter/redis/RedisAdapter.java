package io.pulseio.adapter.redis;

import io.lettuce.core.RedisURI;
import io.pulseio.adapter.redis.internal.ClassicAdapter;
import io.pulseio.adapter.redis.internal.RedisLink;
import io.pulseio.adapter.redis.internal.RedisUrls;
import io.pulseio.adapter.redis.internal.ShardedAdapter;
import io.pulseio.server.Adapter;
import java.time.Duration;
import java.util.Objects;

/**
 * Joins a pulseio server to a Socket.IO cluster over Redis, speaking the protocol of the Node.js
 * {@code @socket.io/redis-adapter} 8.x (pub/sub): pulseio and Node.js servers on the same Redis
 * act as one. Give it to {@code ServerOptions.Builder.adapter(...)}; close it after the server.
 *
 * <pre>{@code
 * RedisAdapter redis = RedisAdapter.classic("redis://127.0.0.1:6379");
 * SocketIoServer server = SocketIoServer.create(ServerOptions.builder().adapter(redis).build());
 * }</pre>
 *
 * <p>With {@link Builder#sharded(boolean) sharded(true)} it speaks the package's sharded variant
 * instead ({@code createShardedAdapter}: Redis 7 sharded pub/sub, {@code SPUBLISH} and
 * {@code SSUBSCRIBE}, servers counted with {@code PUBSUB SHARDNUMSUB}), with Node's
 * {@link SubscriptionMode subscription modes}; every server of the cluster must use the same
 * variant and mode:
 *
 * <pre>{@code
 * RedisAdapter redis = RedisAdapter.sharded("redis://127.0.0.1:6379");  // mode dynamic
 * RedisAdapter stat = RedisAdapter.builder("redis://127.0.0.1:6379")
 *         .sharded(true).subscriptionMode(RedisAdapter.SubscriptionMode.STATIC).build();
 * }</pre>
 *
 * <p>One instance holds one server's two Redis connections, shared by all its namespaces; it
 * connects in the background (an unavailable Redis is retried and logged, and the server serves
 * its own clients meanwhile). Thread-safe.
 */
public final class RedisAdapter implements Adapter.Factory, AutoCloseable {
    private final RedisLink link;
    private final String key;
    private final Duration requestsTimeout;
    private final SubscriptionMode mode;

    private RedisAdapter(Builder b, RedisURI uri) {
        this.key = b.key;
        this.requestsTimeout = b.requestsTimeout;
        this.mode = b.sharded ? (b.mode == null ? SubscriptionMode.DYNAMIC : b.mode) : null;
        this.link = new RedisLink(uri, b.requestsTimeout);
    }

    /**
     * How the sharded variant spreads a namespace over channels: Node's {@code subscriptionMode}.
     * Broadcasts with acks and requests always go to the namespace's channel.
     */
    public enum SubscriptionMode {
        /** {@code static}: two channels per namespace, {@code <key>#<nsp>#} for everything and
         * {@code <key>#<nsp>#<uid>#} for the answers to one server. */
        STATIC(ShardedAdapter.Mode.STATIC),
        /**
         * {@code dynamic} (Node's default): also a channel {@code <key>#<nsp>#<room>#} per public
         * room, to which a server subscribes while the room has sockets on it, so that a broadcast
         * to one room reaches only the servers that have it (a room named by a socket id stays on
         * the namespace's channel).
         */
        DYNAMIC(ShardedAdapter.Mode.DYNAMIC),
        /** {@code dynamic-private}: a channel for every room, socket ids' rooms included. */
        DYNAMIC_PRIVATE(ShardedAdapter.Mode.DYNAMIC_PRIVATE);

        private final ShardedAdapter.Mode mode;

        SubscriptionMode(ShardedAdapter.Mode mode) {
            this.mode = mode;
        }

        /** The name Node's option takes: {@code static}, {@code dynamic}, {@code dynamic-private}. */
        public String nodeName() {
            return mode.nodeName();
        }
    }

    /** The sharded variant ({@code createShardedAdapter}) with Node's defaults (mode dynamic). */
    public static RedisAdapter sharded(String redisUri) {
        return builder(redisUri).sharded(true).build();
    }

    /** The classic adapter with Node's defaults (key {@code socket.io}, requests time out after 5 s). */
    public static RedisAdapter classic(String redisUri) {
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
        if (mode != null) {
            return new ShardedAdapter(context, link, key, mode.mode, requestsTimeout, () -> {});
        }
        return new ClassicAdapter(context, link, key, requestsTimeout, () -> {});
    }

    /** Closes the Redis connections; call it after closing the server. */
    @Override
    public void close() {
        link.close();
    }

    /** Options with Node's names and defaults. */
    public static final class Builder {
        private final String uri;
        private String key = "socket.io";
        private String password;
        private Duration requestsTimeout = Duration.ofSeconds(5);
        private boolean sharded;
        private SubscriptionMode mode;

        private Builder(String uri) {
            this.uri = Objects.requireNonNull(uri, "redisUri");
        }

        /**
         * The channels' prefix (Node's {@code key}; the sharded variant's {@code channelPrefix});
         * default {@code socket.io}.
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * The password, when it is not in the URL (it replaces one that is); null (the default) for
         * the URL's.
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * How long {@code fetchSockets} waits for the other servers; default 5 s (Node's sharded
         * variant has no such option and waits 5 s).
         */
        public Builder requestsTimeout(Duration timeout) {
            this.requestsTimeout = timeout;
            return this;
        }

        /**
         * Whether to speak the sharded variant ({@code createShardedAdapter}, Redis 7 or later)
         * rather than the classic pub/sub one; default false.
         */
        public Builder sharded(boolean sharded) {
            this.sharded = sharded;
            return this;
        }

        /** The sharded variant's subscription mode; default {@link SubscriptionMode#DYNAMIC}, as Node's. */
        public Builder subscriptionMode(SubscriptionMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Checks the options; connects nothing yet (the connections open in the background).
         *
         * @throws IllegalArgumentException for an empty key, a timeout that is not positive, a
         *     subscription mode without {@code sharded(true)}, or a URI that is not a Redis URI (the
         *     message shows it without its password)
         */
        public RedisAdapter build() {
            if (mode != null && !sharded) {
                throw new IllegalArgumentException(
                        "subscriptionMode is an option of the sharded classic adapter: add sharded(true)");
            }
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("key must not be empty");
            }
            if (requestsTimeout == null || requestsTimeout.isNegative() || requestsTimeout.isZero()) {
                throw new IllegalArgumentException("requestsTimeout must be positive, was " + requestsTimeout);
            }
            return new RedisAdapter(this, RedisUrls.parse(uri, password));
        }
    }
}
