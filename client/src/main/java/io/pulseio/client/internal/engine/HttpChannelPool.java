package io.pulseio.client.internal.engine;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The keep-alive HTTP connections of one polling transport. Polling has at most one GET and one
 * POST in flight, so the pool holds at most two connections. A connection idle for longer than
 * servers usually keep one open is not reused; a request that fails on a reused connection before
 * any response came back (the server closed it meanwhile) is retried once on a new one.
 * Confined to the engine's event loop.
 */
final class HttpChannelPool {
    /** Node's http server closes idle keep-alive connections after 5 s; stay below that. */
    private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(4000);

    private record Idle(Channel channel, long sinceNanos) {}

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final EngineOptions options;
    private final ArrayDeque<Idle> idle = new ArrayDeque<>(2);
    private final List<Channel> all = new ArrayList<>(2);
    private SocketAddress resolved;
    private boolean closed;

    HttpChannelPool(EventLoop loop, EngineOptions options) {
        this.loop = loop;
        this.options = options;
        this.bootstrap = Pipelines.bootstrap(loop, options);
    }

    /** Sends {@code request} (which this takes ownership of) and reports its response or failure. */
    void execute(FullHttpRequest request, HttpExchangeHandler.Callback callback) {
        Channel reused = takeIdle();
        if (reused != null) {
            send(reused, request, callback, true);
        } else {
            connect(request, callback);
        }
    }

    /** Number of open connections (for tests and diagnostics). */
    int openConnections() {
        return all.size();
    }

    /** Closes every connection; requests in flight fail silently from the transport's view. */
    void close() {
        closed = true;
        idle.clear();
        for (Channel ch : List.copyOf(all)) {
            ch.close();
        }
    }

    private Channel takeIdle() {
        long now = loop.ticker().nanoTime();
        Idle candidate;
        while ((candidate = idle.pollFirst()) != null) {
            if (candidate.channel.isActive() && now - candidate.sinceNanos < MAX_IDLE_NANOS) {
                return candidate.channel;
            }
            candidate.channel.close();
        }
        return null;
    }

    private void connect(FullHttpRequest request, HttpExchangeHandler.Callback callback) {
        if (closed) {
            request.release();
            return;
        }
        HttpExchangeHandler exchange = new HttpExchangeHandler();
        Bootstrap b = bootstrap.clone().handler(Pipelines.http(options, exchange));
        ChannelFuture connecting = resolved != null ? b.connect(resolved) : b.connect(options.host(), options.port());
        Channel ch = connecting.channel();
        all.add(ch);
        ch.closeFuture().addListener(f -> {
            all.remove(ch);
            idle.removeIf(i -> i.channel == ch);
        });
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                request.release();
                callback.onFailure(f.cause(), false);
                return;
            }
            if (resolved == null) {
                resolved = ch.remoteAddress();
            }
            send(ch, request, callback, false);
        });
    }

    private void send(Channel ch, FullHttpRequest request, HttpExchangeHandler.Callback callback, boolean reused) {
        HttpExchangeHandler exchange = ch.pipeline().get(HttpExchangeHandler.class);
        FullHttpRequest onWire = reused ? request.retainedDuplicate() : request;
        exchange.expect(new HttpExchangeHandler.Callback() {
            @Override
            public void onResponse(FullHttpResponse response) {
                if (reused) {
                    request.release();
                }
                if (!closed && HttpUtil.isKeepAlive(response) && ch.isActive()) {
                    idle.addLast(new Idle(ch, loop.ticker().nanoTime()));
                } else {
                    ch.close();
                }
                callback.onResponse(response);
            }

            @Override
            public void onFailure(Throwable cause, boolean beforeResponse) {
                ch.close();
                if (reused && beforeResponse && !closed) {
                    connect(request, callback);
                    return;
                }
                if (reused) {
                    request.release();
                }
                callback.onFailure(cause, beforeResponse);
            }
        });
        ch.writeAndFlush(onWire).addListener(f -> {
            if (!f.isSuccess()) {
                exchange.fail(f.cause(), true);
                ch.close();
            }
        });
    }
}
