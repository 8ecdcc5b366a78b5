package io.pulseio.server.internal.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.pulseio.server.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpGuard} in an {@link EmbeddedChannel} with the stages before it, on the channel's
 * virtual clock: its timeouts are checked by moving that clock, without sleeping. The test plays
 * the request handler: it takes what the guard lets through and writes the responses.
 */
class HttpGuardTest {
    private static final String GET = "GET /socket.io/?EIO=4 HTTP/1.1\r\nHost: x\r\n\r\n";

    private static EmbeddedChannel channel() {
        ConnectionLimits limits = new ConnectionLimits(ServerOptions.builder()
                .headersTimeout(Duration.ofSeconds(60))
                .requestTimeout(Duration.ofSeconds(300))
                .keepAliveTimeout(Duration.ofSeconds(5))
                .build());
        ConnectionGuard guard = new ConnectionGuard(limits);
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(guard, new HttpServerCodec(), new HttpGuard(limits, guard));
        ch.pipeline().fireChannelActive();
        return ch;
    }

    private static void send(EmbeddedChannel ch, String text) {
        ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    /** What the server wrote, as text (the HTTP codec's bytes). */
    private static String written(EmbeddedChannel ch) {
        StringBuilder out = new StringBuilder();
        for (Object o = ch.readOutbound(); o != null; o = ch.readOutbound()) {
            ByteBuf buf = (ByteBuf) o;
            out.append(buf.toString(StandardCharsets.US_ASCII));
            buf.release();
        }
        return out.toString();
    }

    /** The requests let through so far: the count of request heads. */
    private static int requestsDelivered(EmbeddedChannel ch) {
        int requests = 0;
        for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
            if (o instanceof HttpRequest) {
                requests++;
            }
            assertThat(o).isInstanceOf(HttpObject.class);
            ReferenceCountUtil.release(o);
        }
        return requests;
    }

    private static void answer(EmbeddedChannel ch) {
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 2);
        ch.writeAndFlush(response);
    }

    private static void advance(EmbeddedChannel ch, long millis) {
        ch.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void headersNotCompleteInTimeGet408AndTheConnectionCloses() {
        EmbeddedChannel ch = channel();
        send(ch, "GET /socket.io/?EIO=4 HTTP/1.1\r\nHost:");
        advance(ch, 59_999);
        assertThat(ch.isActive()).isTrue();
        assertThat(written(ch)).isEmpty();
        advance(ch, 1);
        assertThat(written(ch)).startsWith("HTTP/1.1 408 Request Timeout\r\n").contains("connection: close");
        assertThat(ch.isActive()).isFalse();
    }

    @Test
    void aPipelinedRequestWaitsUntilTheOneBeforeIsAnswered() {
        EmbeddedChannel ch = channel();
        send(ch, GET + GET);
        assertThat(requestsDelivered(ch)).as("the second waits, unread").isEqualTo(1);
        assertThat(ch.config().isAutoRead())
                .as("reading paused while answering")
                .isFalse();
        answer(ch);
        assertThat(written(ch)).startsWith("HTTP/1.1 200 OK");
        assertThat(requestsDelivered(ch))
                .as("delivered once the first is answered")
                .isEqualTo(1);
        answer(ch);
        assertThat(written(ch)).startsWith("HTTP/1.1 200 OK");
        assertThat(ch.config().isAutoRead()).isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void anIdleKeptAliveConnectionClosesAfterKeepAliveTimeoutAndBytesRestartTheClock() {
        EmbeddedChannel ch = channel();
        send(ch, GET);
        assertThat(requestsDelivered(ch)).isEqualTo(1);
        answer(ch);
        written(ch);
        advance(ch, 4_999);
        assertThat(ch.isActive()).isTrue();
        send(ch, GET); // a new request in time: no longer idle
        assertThat(requestsDelivered(ch)).isEqualTo(1);
        advance(ch, 10_000);
        assertThat(ch.isActive())
                .as("not idle while a request is being answered")
                .isTrue();
        answer(ch);
        written(ch);
        advance(ch, 5_000);
        assertThat(ch.isActive()).isFalse();
    }

    @Test
    void aBodyNotCompleteInTimeGets408() {
        EmbeddedChannel ch = channel();
        send(ch, "POST /socket.io/?EIO=4 HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345");
        assertThat(requestsDelivered(ch)).isEqualTo(1);
        advance(ch, 299_999);
        assertThat(ch.isActive()).isTrue();
        advance(ch, 1);
        assertThat(written(ch)).startsWith("HTTP/1.1 408");
        assertThat(ch.isActive()).isFalse();
        ch.finishAndReleaseAll();
    }
}
