package io.pulseio.client.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.Handshake;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A client event loop, options for the test server, and a listener that records what it is told. */
final class EngineHarness implements AutoCloseable {
    static final long WAIT_SECONDS = 10;

    final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NativeIo.handlerFactory());
    final EventLoop loop = group.next();

    static EngineOptions options(int port, List<String> transports) {
        return options(false, "127.0.0.1", port, transports, null);
    }

    static EngineOptions options(boolean secure, String host, int port, List<String> transports, SslContext tls) {
        return new EngineOptions(
                secure,
                host,
                port,
                "/engine.io/",
                Map.of("token", "a b&c"),
                Map.of("X-Test", List.of("yes")),
                transports,
                true,
                tls,
                3000);
    }

    Recorder open(EngineOptions options) {
        Recorder r = new Recorder();
        r.engine = Engine.create(options, loop, r);
        r.engine.open();
        return r;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Records the listener calls; checks they come on the engine's loop and none after the close. */
    final class Recorder implements EngineListener {
        Engine engine;
        volatile Handshake handshake;
        /** The transport at the moment the session opened (an upgrade may follow at once). */
        volatile String openedOn;

        final CountDownLatch opened = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        final BlockingQueue<EnginePacket> messages = new LinkedBlockingQueue<>();
        final List<String> transports = new CopyOnWriteArrayList<>();
        final List<String> violations = new CopyOnWriteArrayList<>();
        volatile String closeReason;
        volatile Throwable closeCause;

        @Override
        public void onOpen(Handshake handshake) {
            check("onOpen");
            this.handshake = handshake;
            openedOn = engine.transport();
            opened.countDown();
        }

        @Override
        public void onMessage(EnginePacket packet) {
            check("onMessage");
            messages.add(packet);
        }

        @Override
        public void onClose(String reason, Throwable cause) {
            check("onClose");
            closeReason = reason;
            closeCause = cause;
            closed.countDown();
        }

        @Override
        public void onTransport(String name) {
            check("onTransport");
            transports.add(name);
        }

        private void check(String call) {
            if (!loop.inEventLoop()) {
                violations.add(call + " off the event loop");
            }
            if (closed.getCount() == 0) {
                violations.add(call + " after onClose");
            }
        }

        Recorder awaitOpen() throws InterruptedException {
            if (!opened.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("not opened; close reason " + closeReason + ", cause " + closeCause);
            }
            return this;
        }

        Recorder awaitClose() throws InterruptedException {
            assertThat(closed.await(WAIT_SECONDS, TimeUnit.SECONDS))
                    .as("closed")
                    .isTrue();
            return this;
        }

        List<EnginePacket> takeMessages(int n) throws InterruptedException {
            List<EnginePacket> out = new ArrayList<>(n);
            while (out.size() < n) {
                EnginePacket p = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                if (p == null) {
                    throw new AssertionError("got " + out.size() + " of " + n + " messages; close: " + closeReason);
                }
                out.add(p);
            }
            return out;
        }
    }

    static List<EnginePacket> take(BlockingQueue<EnginePacket> queue, int n) throws InterruptedException {
        List<EnginePacket> out = new ArrayList<>(n);
        while (out.size() < n) {
            EnginePacket p = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (p == null) {
                throw new AssertionError("server got " + out.size() + " of " + n + " packets");
            }
            out.add(p);
        }
        return out;
    }
}
