package io.pulseio.client.internal.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.pulseio.protocol.EngineCodec;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.ProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * HTTP long-polling: a GET always in flight to receive, a POST at a time to send, each body at
 * most the handshake's {@code maxPayload}. Can be paused for an upgrade: it then starts no new
 * request and calls back once the GET and the POST in flight have completed. Once the session is
 * {@linkplain #closing closing} it starts no GET and ignores the one in flight: the server ends the
 * session on our CLOSE, and a GET after that would only be answered "Session ID unknown".
 */
final class PollingTransport implements Transport {
    static final String NAME = "polling";
    private static final String TEXT_PLAIN = "text/plain;charset=UTF-8";

    private final EngineEndpoint endpoint;
    private final Listener listener;
    private final HttpChannelPool pool;
    private final HttpHeaders commonHeaders;
    private final ArrayList<EnginePacket> scratch = new ArrayList<>();
    private String sid;
    private boolean polling;
    private boolean posting;
    private boolean pausing;
    private Runnable onPaused;
    private boolean closing;
    private boolean closed;

    PollingTransport(EngineEndpoint endpoint, EventLoop loop, Listener listener) {
        this.endpoint = endpoint;
        this.listener = listener;
        this.pool = new HttpChannelPool(loop, endpoint.options());
        this.commonHeaders = Pipelines.headers(endpoint.headers())
                .set(HttpHeaderNames.HOST, endpoint.hostHeader())
                .set(HttpHeaderNames.ACCEPT, "*/*");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void open() {
        poll();
    }

    @Override
    public void sid(String sid) {
        this.sid = sid;
    }

    @Override
    public boolean writable() {
        return sid != null && !posting && !pausing && !closed;
    }

    @Override
    public void write(Queue<EnginePacket> buffer, long maxPayload) {
        ByteBuf body = WireFormat.takePayload(buffer, maxPayload, ByteBufAllocator.DEFAULT, scratch);
        if (body == null) {
            return;
        }
        posting = true;
        FullHttpRequest post = request(HttpMethod.POST, body);
        post.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        pool.execute(post, new HttpExchangeHandler.Callback() {
            @Override
            public void onResponse(FullHttpResponse response) {
                posting = false;
                if (closed) {
                    return;
                }
                if (!HttpResponseStatus.OK.equals(response.status())) {
                    failed("transport error", httpError("POST", response));
                } else if (pausing) {
                    checkPaused();
                } else {
                    listener.onDrain(PollingTransport.this);
                }
            }

            @Override
            public void onFailure(Throwable cause, boolean beforeResponse) {
                posting = false;
                failed("transport error", cause);
            }
        });
    }

    /** Stops starting requests; runs {@code onPaused} once no request is in flight. */
    void pause(Runnable onPaused) {
        this.pausing = true;
        this.onPaused = onPaused;
        checkPaused();
    }

    /** Undoes {@link #pause} (a failed upgrade): polling goes on. */
    void resume() {
        pausing = false;
        onPaused = null;
        if (!polling && sid != null) {
            poll();
        }
    }

    @Override
    public void closing() {
        closing = true;
    }

    @Override
    public void close() {
        closed = true;
        onPaused = null;
        pool.close();
    }

    /** Open connections of this transport (for tests). */
    int openConnections() {
        return pool.openConnections();
    }

    private void poll() {
        if (closed || closing || pausing) {
            return;
        }
        polling = true;
        pool.execute(request(HttpMethod.GET, Unpooled.EMPTY_BUFFER), new HttpExchangeHandler.Callback() {
            @Override
            public void onResponse(FullHttpResponse response) {
                polling = false;
                if (closed || closing) {
                    return;
                }
                if (!HttpResponseStatus.OK.equals(response.status())) {
                    failed("transport error", httpError("GET", response));
                    return;
                }
                onPayload(response.content().toString(StandardCharsets.UTF_8));
            }

            @Override
            public void onFailure(Throwable cause, boolean beforeResponse) {
                polling = false;
                if (!closing) {
                    failed("transport error", cause);
                }
            }
        });
    }

    private void onPayload(String payload) {
        List<EnginePacket> packets;
        try {
            packets = EngineCodec.decodePayload(payload);
        } catch (ProtocolException e) {
            failed("parse error", e);
            return;
        }
        for (int i = 0, n = packets.size(); i < n && !closed; i++) {
            listener.onPacket(this, packets.get(i));
        }
        if (closed) {
            return;
        }
        if (sid == null) {
            failed("transport error", new ProtocolException("the first polling response held no handshake"));
        } else if (pausing) {
            checkPaused();
        } else {
            poll();
        }
    }

    private void checkPaused() {
        if (pausing && !polling && !posting && onPaused != null) {
            Runnable callback = onPaused;
            onPaused = null;
            callback.run();
        }
    }

    private FullHttpRequest request(HttpMethod method, ByteBuf body) {
        HttpHeaders headers = new DefaultHttpHeaders().add(commonHeaders);
        return new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                method,
                endpoint.pathAndQuery(NAME, sid),
                body,
                headers,
                EmptyHttpHeaders.INSTANCE);
    }

    private void failed(String reason, Throwable cause) {
        if (closed) {
            return;
        }
        close();
        listener.onFailure(this, reason, cause);
    }

    private static IOException httpError(String method, FullHttpResponse response) {
        String body = response.content().toString(StandardCharsets.UTF_8);
        if (body.length() > 200) {
            body = body.substring(0, 200) + "…";
        }
        return new IOException(
                "polling " + method + " failed: HTTP " + response.status().code() + " "
                        + response.status().reasonPhrase() + (body.isEmpty() ? "" : ": " + body));
    }
}
