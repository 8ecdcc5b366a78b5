package io.pulseio.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.pulseio.server.internal.io.NativeIo;
import java.util.concurrent.TimeUnit;

/**
 * Event loop threads that servers can share (opaque: the network library stays internal).
 *
 * <p>A server without one makes its own (see {@link ServerOptions#ioThreads()}) and stops it on
 * close; a shared one is not closed by the servers using it: close it after them.
 */
public final class EventLoops implements AutoCloseable {
    private final EventLoopGroup group;
    private final int threads;

    private EventLoops(int threads, String name) {
        this.threads = threads;
        this.group = new MultiThreadIoEventLoopGroup(
                threads, new DefaultThreadFactory(name, false), NativeIo.handlerFactory());
    }

    /**
     * Starts {@code threads} non-daemon event loop threads, stopped by {@link #close()}.
     *
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    public static EventLoops create(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        return new EventLoops(threads, "pulseio-server");
    }

    public int threads() {
        return threads;
    }

    /** Stops the threads, waiting up to 5 seconds unless called from one of them. Idempotent. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        if (!group.next().inEventLoop()) {
            try {
                group.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    EventLoopGroup group() {
        return group;
    }
}
