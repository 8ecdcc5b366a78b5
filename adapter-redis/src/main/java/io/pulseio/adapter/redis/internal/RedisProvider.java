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
 * default, {@code @socket.io/redis-adapter}); {@code streams} is refused until it is implemented.
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
  }

  @Override
  public Adapter.Factory open(AdapterSettings settings) {
    check(settings);
    return new SharedLinkFactory(settings,
        settings.key() == null ? DEFAULT_KEY : settings.key(), REQUESTS_TIMEOUT);
  }

  private static String kind(AdapterSettings settings) {
    String kind = settings.kind() == null ? "classic" : settings.kind().toLowerCase(Locale.ROOT);
    switch (kind) {
      case "classic":
        return kind;
      case "streams":
        throw new IllegalArgumentException("the Redis streams adapter"
            + " (@socket.io/redis-streams-adapter) is not available yet: use the classic one");
      default:
        throw new IllegalArgumentException("unknown Redis adapter kind '" + settings.kind()
            + "': use classic (@socket.io/redis-adapter) or streams"
            + " (@socket.io/redis-streams-adapter)");
    }
  }

  /**
   * One pair of Redis connections for the adapters it makes: opened with the first, closed with
   * the last, opened again should another be asked for. Thread-safe.
   */
  static final class SharedLinkFactory implements Adapter.Factory {
    private final AdapterSettings settings;
    private final String key;
    private final Duration timeout;
    private RedisLink link;
    private int open;

    SharedLinkFactory(AdapterSettings settings, String key, Duration timeout) {
      this.settings = settings;
      this.key = key;
      this.timeout = timeout;
    }

    @Override
    public Adapter create(Adapter.Context context) {
      RedisLink l;
      synchronized (this) {
        if (link == null) {
          link = new RedisLink(RedisUrls.parse(settings.url(), settings.password()), timeout);
        }
        open++;
        l = link;
      }
      try {
        return new ClassicAdapter(context, l, key, timeout, () -> release(l));
      } catch (RuntimeException | Error e) {
        release(l);
        throw e;
      }
    }

    private void release(RedisLink l) {
      synchronized (this) {
        if (link != l || --open > 0) {
          return;
        }
        link = null;
      }
      l.close();
    }

    /** Whether connections are open (for tests). */
    synchronized boolean linked() {
      return link != null;
    }
  }
}
