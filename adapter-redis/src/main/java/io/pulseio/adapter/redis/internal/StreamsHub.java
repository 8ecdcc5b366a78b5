package io.pulseio.adapter.redis.internal;

import io.lettuce.core.RedisURI;
import java.util.HashMap;
import java.util.Map;

/**
 * One server's connections for the streams adapter, shared by all its namespaces: the
 * {@link RedisLink} (commands, publishing, the subscribed connection) and one
 * {@link StreamReader} per stream: those of {@code streamCount} opened with the hub (as Node's
 * adapter opens them), any other with the first namespace that uses it.
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
        // As Node's adapter does, every stream is read from the start (its end as it is then), so a
        // namespace made later misses nothing another server sends to it once it exists. A namespace
        // whose hash is negative goes to a stream outside these (Node's arithmetic keeps the sign):
        // that one is opened with its first namespace.
        if (options.streamCount() == 1) {
            reader(options.streamName());
        } else {
            for (int i = 0; i < options.streamCount(); i++) {
                reader(options.streamName() + "-" + i);
            }
        }
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
