package io.pulseio.client.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.pulseio.protocol.EnginePacket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's last pipeline stages, driven through {@link EmbeddedChannel}. */
class HandlersTest {

    /** Records a transport's reports as strings. */
    static final class Reports implements Transport.Listener {
        final List<String> events = new ArrayList<>();

        @Override
        public void onConnected(Transport t) {
            events.add("connected");
        }

        @Override
        public void onPacket(Transport t, EnginePacket p) {
            events.add("packet " + p);
        }

        @Override
        public void onDrain(Transport t) {
            events.add("drain");
        }

        @Override
        public void onFailure(Transport t, String reason, Throwable cause) {
            events.add("failure " + reason);
        }
    }

    @Test
    void exchangeHandsTheResponseToTheRequestsCallback() {
        HttpExchangeHandler exchange = new HttpExchangeHandler();
        EmbeddedChannel ch = new EmbeddedChannel(exchange);
        List<String> seen = new ArrayList<>();
        exchange.expect(callback(seen));
        FullHttpResponse res = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.copiedBuffer("ok", StandardCharsets.UTF_8));
        ch.writeInbound(res);
        assertThat(seen).containsExactly("200 ok");
        assertThat(exchange.busy()).isFalse();
        assertThat(res.refCnt()).isZero();
    }

    @Test
    void exchangeReportsAConnectionClosedBeforeTheResponseAsRetriable() {
        HttpExchangeHandler exchange = new HttpExchangeHandler();
        EmbeddedChannel ch = new EmbeddedChannel(exchange);
        List<String> seen = new ArrayList<>();
        exchange.expect(callback(seen));
        ch.close();
        assertThat(seen).containsExactly("failed before response: connection to the server closed before the response");
    }

    @Test
    void webSocketFramesBecomePacketsAfterTheHandshake() {
        Reports reports = new Reports();
        WebSocketTransport ws = new WebSocketTransport(endpoint(), null, reports, null);
        EmbeddedChannel ch = new EmbeddedChannel(ws);
        ch.pipeline().fireUserEventTriggered(ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
        ch.writeInbound(new TextWebSocketFrame("4hi"));
        ch.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {7})));
        ch.close();
        assertThat(reports.events)
                .containsExactly(
                        "connected",
                        "packet EnginePacket[MESSAGE, \"hi\"]",
                        "packet EnginePacket[MESSAGE, 1 bytes]",
                        "failure transport close");
    }

    @Test
    void aMalformedWebSocketFrameIsAParseError() {
        Reports reports = new Reports();
        EmbeddedChannel ch = new EmbeddedChannel(new WebSocketTransport(endpoint(), null, reports, null));
        ch.pipeline().fireUserEventTriggered(ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
        TextWebSocketFrame bad = new TextWebSocketFrame("x");
        ch.writeInbound(bad);
        ch.writeInbound(new TextWebSocketFrame("4ignored after the failure"));
        assertThat(reports.events).containsExactly("connected", "failure parse error");
        assertThat(bad.refCnt()).isZero();
    }

    @Test
    void aConnectionLostDuringTheWebSocketHandshakeIsATransportError() {
        Reports reports = new Reports();
        EmbeddedChannel ch = new EmbeddedChannel(new WebSocketTransport(endpoint(), null, reports, null));
        ch.close();
        assertThat(reports.events).containsExactly("failure transport error");
    }

    private static EngineEndpoint endpoint() {
        return new EngineEndpoint(new EngineOptions(
                false, "localhost", 80, "/socket.io/", Map.of(), Map.of(), List.of("websocket"), true, null, 1000));
    }

    private static HttpExchangeHandler.Callback callback(List<String> seen) {
        return new HttpExchangeHandler.Callback() {
            @Override
            public void onResponse(FullHttpResponse response) {
                seen.add(response.status().code() + " " + response.content().toString(StandardCharsets.UTF_8));
            }

            @Override
            public void onFailure(Throwable cause, boolean beforeResponse) {
                seen.add("failed" + (beforeResponse ? " before response" : "") + ": " + cause.getMessage());
            }
        };
    }
}
