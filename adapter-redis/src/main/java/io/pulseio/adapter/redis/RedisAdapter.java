package io.pulseio.adapter.redis;

import io.lettuce.core.RedisURI;
import io.pulseio.adapter.redis.internal.ClassicAdapter;
import io.pulseio.adapter.redis.internal.RedisLink;
import io.pulseio.adapter.redis.internal.RedisUrls;
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
 * <p>One instance holds one server's two Redis connections, shared by all its namespaces; it
 * connects in the background (an unavailable Redis is retried and logged, and the server serves
 * its own clients meanwhile). Thread-safe.
 */
public final class RedisAdapter implements Adapter.Factory, AutoCloseable {
    private final RedisLink link;
    private final String key;
    private final Duration requestsTimeout;

    private RedisAdapter(Builder b, RedisURI uri) {
        this.key = b.key;
        this.requestsTimeout = b.requestsTimeout;
        this.link = new RedisLink(uri, b.requestsTimeout);
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

        private Builder(String uri) {
            this.uri = Objects.requireNonNull(uri, "redisUri");
        }

        /** The channels' prefix (Node's {@code key}); default {@code socket.io}. */
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

        /** How long {@code fetchSockets} waits for the other servers; default 5 s. */
        public Builder requestsTimeout(Duration timeout) {
            this.requestsTimeout = timeout;
            return this;
        }

        /**
         * Checks the options; connects nothing yet (the connections open in the background).
         *
         * @throws IllegalArgumentException for an empty key, a timeout that is not positive, or a
         *     URI that is not a Redis URI (the message shows it without its password)
         */
        public RedisAdapter build() {
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
