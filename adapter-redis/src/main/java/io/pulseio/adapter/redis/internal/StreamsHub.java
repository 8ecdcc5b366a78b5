package io.pulseio.adapter.redis.internal;

import io.lettuce.core.RedisURI;
import java.util.HashMap;
import java.util.Map;

/**
 * One server's connections for the streams adapter, shared by all its namespaces: the
 * {@link RedisLink} (commands, publishing, the subscribed connection) and one
 * {@link StreamReader} per stream in use, opened with the first namespace that uses it.
 * Thread-safe.
 */
public final class StreamsHub implements AutoCloseable {
  final RedisLink link;
  final StreamsOptions options;
  private final Map<String, StreamReader> readers = new HashMap<>();
  private boolean closed;

  public StreamsHub(RedisURI uri, StreamsOptions options) {
    this.options = options;
    this.link = new RedisLink(uri, options.requestsTimeout());
  }

  synchronized StreamReader reader(String stream) {
    if (closed) {
      throw new IllegalStateException("the Redis streams adapter is closed");
    }
    return readers.computeIfAbsent(stream, s -> new StreamReader(link, s, options));
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      readers.values().forEach(StreamReader::close);
      readers.clear();
    }
    link.close();
  }
}
