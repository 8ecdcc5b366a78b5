package io.pulseio.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.pulseio.client.internal.engine.NativeIo;
import java.util.concurrent.TimeUnit;

/**
 * Event loop threads that many clients can share (opaque: the network library stays internal).
 *
 * <p>Each client lives on one of the threads, whatever the number of its namespaces, round trips,
 * timers or reconnection attempts; so the number of threads is fixed here. Give it to clients with
 * {@link ClientOptions.Builder#eventLoops(EventLoops)}; a client without one makes its own
 * one-thread {@code EventLoops} and stops it on close. A shared one is not closed by its clients:
 * close it once they are closed.
 */
public final class EventLoops implements AutoCloseable {
    private final EventLoopGroup group;
    private final int threads;

    private EventLoops(int threads) {
        this.threads = threads;
        this.group = new MultiThreadIoEventLoopGroup(
                threads,
                new DefaultThreadFactory("pulseio-client-" + Integer.toHexString(System.identityHashCode(this)), false),
                NativeIo.handlerFactory());
    }

    /**
     * Starts {@code threads} event loop threads (non-daemon; stopped by {@link #close()}).
     *
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    public static EventLoops create(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        return new EventLoops(threads);
    }

    /** The number of threads. */
    public int threads() {
        return threads;
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return group.isShuttingDown();
    }

    /**
     * Stops the threads: pending tasks run, then they end. Waits up to 5 seconds for them unless
     * called from one of them. Idempotent. Clients still using these loops stop working.
     */
    @Override
    public void close() {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        for (EventExecutor loop : group) {
            if (loop.inEventLoop()) {
                return;
            }
        }
        try {
            group.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    EventLoopGroup group() {
        return group;
    }
}
