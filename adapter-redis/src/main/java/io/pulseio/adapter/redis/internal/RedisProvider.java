package io.pulseio.adapter.redis.internal;

import io.pulseio.server.Adapter;
import io.pulseio.server.AdapterProvider;
import io.pulseio.server.AdapterSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The Redis adapters for {@link AdapterSettings} ({@code redis://} and {@code rediss://} URLs),
 * found by the server through {@link java.util.ServiceLoader}. Kinds: {@code classic} (the
 * default, {@code @socket.io/redis-adapter}; with the option {@code sharded=true} its
 * {@code createShardedAdapter}) and {@code streams}
 * ({@code @socket.io/redis-streams-adapter}, with the settings' key as the stream's name and the
 * channels' prefix). The settings' options are the Node adapters' (see {@link ProvidedOptions}).
 */
public final class RedisProvider implements AdapterProvider {
    static final Duration REQUESTS_TIMEOUT = Duration.ofSeconds(5);
    private static final String DEFAULT_KEY = "socket.io";

    @Override
    public Set<String> schemes() {
        return Set.of("redis", "rediss");
    }

    @Override
    public void check(AdapterSettings settings) {
        kind(settings);
        if (settings.key() != null && settings.key().isEmpty()) {
            throw new IllegalArgumentException("the Redis key (channel prefix) must not be empty");
        }
        RedisUrls.parse(settings.url(), settings.password());
        String key = settings.key() == null ? DEFAULT_KEY : settings.key();
        if (kind(settings).equals("streams")) {
            ProvidedOptions.streams(settings, key);
        } else {
            ProvidedOptions.classic(settings, key, REQUESTS_TIMEOUT);
        }
    }

    @Override
    public Adapter.Factory open(AdapterSettings settings) {
        check(settings);
        String key = settings.key() == null ? DEFAULT_KEY : settings.key();
        if (kind(settings).equals("streams")) {
            StreamsOptions options = ProvidedOptions.streams(settings, key);
            return new SharedLinkFactory<>(
                    () -> new StreamsHub(RedisUrls.parse(settings.url(), settings.password()), options),
                    (hub, context, release) -> new StreamsAdapter(context, hub, release));
        }
        ProvidedOptions.Classic classic = ProvidedOptions.classic(settings, key, REQUESTS_TIMEOUT);
        Duration timeout = classic.requestsTimeout();
        if (classic.sharded()) {
            return new SharedLinkFactory<>(
                    () -> new RedisLink(RedisUrls.parse(settings.url(), settings.password()), timeout),
                    (link, context, release) ->
                            new ShardedAdapter(context, link, classic.prefix(), classic.mode(), timeout, release));
        }
        return new SharedLinkFactory<>(
                () -> new RedisLink(RedisUrls.parse(settings.url(), settings.password()), timeout),
                (link, context, release) -> new ClassicAdapter(context, link, key, timeout, release));
    }

    private static String kind(AdapterSettings settings) {
        String kind = settings.kind() == null ? "classic" : settings.kind().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "classic":
            case "streams":
                return kind;
            default:
                throw new IllegalArgumentException("unknown Redis adapter kind '" + settings.kind()
                        + "': use classic (@socket.io/redis-adapter) or streams"
                        + " (@socket.io/redis-streams-adapter)");
        }
    }

    /** Makes one namespace's adapter on shared connections; {@code release} runs when it closes. */
    @FunctionalInterface
    interface Maker<T> {
        Adapter make(T connections, Adapter.Context context, Runnable release);
    }

    /**
     * One set of Redis connections for the adapters it makes: opened with the first, closed with
     * the last, opened again should another be asked for. Thread-safe.
     */
    static final class SharedLinkFactory<T extends AutoCloseable> implements Adapter.Factory {
        private final java.util.function.Supplier<T> open;
        private final Maker<T> maker;
        private T link;
        private int count;

        SharedLinkFactory(java.util.function.Supplier<T> open, Maker<T> maker) {
            this.open = open;
            this.maker = maker;
        }

        @Override
        public Adapter create(Adapter.Context context) {
            T l;
            synchronized (this) {
                if (link == null) {
                    link = open.get();
                }
                count++;
                l = link;
            }
            try {
                return maker.make(l, context, () -> release(l));
            } catch (RuntimeException | Error e) {
                release(l);
                throw e;
            }
        }

        private void release(T l) {
            synchronized (this) {
                if (link != l || --count > 0) {
                    return;
                }
                link = null;
            }
            try {
                l.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the Redis connections failed", e);
            }
        }

        /** Whether connections are open (for tests). */
        synchronized boolean linked() {
            return link != null;
        }
    }
}
