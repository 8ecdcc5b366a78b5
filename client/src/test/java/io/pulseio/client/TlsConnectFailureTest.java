package io.pulseio.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server whose certificate the client does not trust, that is for another host, or that does not
 * speak TLS at all: the connection fails at connect time with a connect error that says so in plain
 * words, with the fix (no reconnection), on both transports.
 */
@Timeout(120)
class TlsConnectFailureTest {

    private static Path resource(String name) throws Exception {
        return Path.of(TlsConnectFailureTest.class.getResource("/tls/" + name).toURI());
    }

    /** Connects once (no reconnection) and returns the first socket event, failing after 25 s. */
    private static String firstEvent(ClientOptions.Builder builder) throws InterruptedException {
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        ClientOptions options = builder.reconnection(false)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        try (SocketIoClient client = SocketIoClient.create(options)) {
            Socket socket = client.socket();
            socket.addListener(new SocketListener() {
                @Override
                public void onConnect() {
                    seen.add("connect");
                }

                @Override
                public void onConnectError(String message, JsonNode data) {
                    seen.add("connect_error " + message);
                }
            });
            socket.connect();
            String first = seen.poll(25, TimeUnit.SECONDS);
            assertThat(first).as("a socket event within 25 s").isNotNull();
            assertThat(socket.connected()).isFalse();
            return first;
        }
    }

    @Test
    void anUntrustedOrMismatchedServerCertificateFailsTheConnect() throws Exception {
        SslContext ssl = SslContextBuilder.forServer(
                        resource("localhost-cert.pem").toFile(),
                        resource("localhost-key.pem").toFile())
                .build();
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                @Override
                                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                    ctx.close(); // the failed handshake is expected here
                                }
                            });
                        }
                    });
            Channel server =
                    bootstrap.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            // 127.0.0.2 is loopback too (Linux routes all of 127/8), but not in the certificate.
            Channel other =
                    bootstrap.bind(new InetSocketAddress("127.0.0.2", 0)).sync().channel();
            int otherPort = ((InetSocketAddress) other.localAddress()).getPort();
            for (Transport transport : Transport.values()) {
                // The JDK's default trust store does not hold the self-signed certificate.
                assertThat(firstEvent(ClientOptions.builder("https://localhost:" + port)
                                .transports(transport)))
                        .as(transport.toString())
                        .isEqualTo("connect_error transport error: the server's certificate is not trusted (PKIX path "
                                + "building failed: no trusted CA signed it): trust its CA certificate with tls.ca (project "
                                + "setting), --ca FILE (pulseio command line) or ClientOptions.caFile");
                // The certificate is trusted, but it is for localhost and 127.0.0.1, not 127.0.0.2.
                assertThat(firstEvent(ClientOptions.builder("https://127.0.0.2:" + otherPort)
                                .transports(transport)
                                .caFile(resource("localhost-cert.pem"))))
                        .as(transport.toString())
                        .startsWith("connect_error transport error: the server's certificate is not for this host (")
                        .contains("127.0.0.2");
            }
            // A plain TCP server that answers HTTP without TLS.
            Channel plain = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.writeAndFlush(ch.alloc()
                                    .buffer()
                                    .writeBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                            .getBytes(StandardCharsets.US_ASCII)));
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", 0))
                    .sync()
                    .channel();
            int plainPort = ((InetSocketAddress) plain.localAddress()).getPort();
            for (Transport transport : Transport.values()) {
                assertThat(firstEvent(ClientOptions.builder("https://127.0.0.1:" + plainPort)
                                .transports(transport)))
                        .as(transport.toString())
                        .isEqualTo("connect_error transport error: the server did not answer in TLS (is it plain HTTP? "
                                + "then use http:// or ws://)");
            }
            plain.close().sync();
            server.close().sync();
            other.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
