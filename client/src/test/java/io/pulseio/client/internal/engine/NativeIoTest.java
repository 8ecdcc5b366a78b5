package io.pulseio.client.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.junit.jupiter.api.Test;

class NativeIoTest {
    @Test
    void epollOnLinuxUnlessNioIsAsked() {
        boolean linuxX64 = System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        String expected = "nio".equals(System.getProperty("pulseio.io")) || !linuxX64 ? "nio" : "epoll";
        assertThat(NativeIo.name()).isEqualTo(expected);
    }

    @Test
    void channelsMatchTheLoopTheyAreGiven() {
        EventLoopGroup nio = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            assertThat(NativeIo.socketChannel(nio.next())).isEqualTo(NioSocketChannel.class);
        } finally {
            nio.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (NativeIo.name().equals("epoll")) {
            EventLoopGroup epoll = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
            try {
                assertThat(NativeIo.socketChannel(epoll.next())).isEqualTo(EpollSocketChannel.class);
            } finally {
                epoll.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }
}
