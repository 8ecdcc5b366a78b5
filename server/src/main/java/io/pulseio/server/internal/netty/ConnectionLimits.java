package io.pulseio.server.internal.netty;

import io.pulseio.server.RejectedInput;
import io.pulseio.server.ServerOptions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits every connection of one server is held to, and the one count they share: the open
 * connections, against {@code maxConnections}. Thread-safe. What a connection is refused for
 * (the connection limit, a timeout) goes to the server's rejection sink.
 */
public final class ConnectionLimits {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final int maxConnections;
    private final long maxOutboundBytes;
    private final long writeTimeoutMillis;
    private final long headersTimeoutMillis;
    private final long requestTimeoutMillis;
    private final long keepAliveTimeoutMillis;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final Consumer<RejectedInput> rejections;

    /** Limits whose refusals are not reported anywhere but the log. */
    public ConnectionLimits(ServerOptions options) {
        this(options, kind -> {});
    }

    /** @param rejections told of each refusal, on the connection's loop; must not throw */
    public ConnectionLimits(ServerOptions options, Consumer<RejectedInput> rejections) {
        this.rejections = rejections;
        this.maxConnections = options.maxConnections();
        this.maxOutboundBytes = options.maxOutboundBufferSize();
        this.writeTimeoutMillis = options.writeTimeout().toMillis();
        this.headersTimeoutMillis = options.headersTimeout().toMillis();
        this.requestTimeoutMillis = options.requestTimeout().toMillis();
        this.keepAliveTimeoutMillis = options.keepAliveTimeout().toMillis();
    }

    /**
     * Counts a new connection; false (and a warning at most every 10 s, with the number refused
     * since the last one) when {@code maxConnections} are open already.
     */
    boolean open() {
        while (true) {
            int now = open.get();
            if (maxConnections > 0 && now >= maxConnections) {
                rejected(RejectedInput.CONNECTION_LIMIT);
                long count = refused.incrementAndGet();
                long last = lastLog.get();
                long t = System.nanoTime();
                if (t - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, t)) {
                    refused.addAndGet(-count);
                    LOG.warn(
                            "{} open connections, the maxConnections limit: refused {} new connection(s)"
                                    + " since the last warning",
                            now,
                            count);
                }
                return false;
            }
            if (open.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Reports a refusal to the server's sink. */
    void rejected(RejectedInput kind) {
        rejections.accept(kind);
    }

    void closed() {
        open.decrementAndGet();
    }

    /** The connections open now. */
    public int openConnections() {
        return open.get();
    }

    long maxOutboundBytes() {
        return maxOutboundBytes;
    }

    long writeTimeoutMillis() {
        return writeTimeoutMillis;
    }

    long headersTimeoutMillis() {
        return headersTimeoutMillis;
    }

    long requestTimeoutMillis() {
        return requestTimeoutMillis;
    }

    long keepAliveTimeoutMillis() {
        return keepAliveTimeoutMillis;
    }
}
