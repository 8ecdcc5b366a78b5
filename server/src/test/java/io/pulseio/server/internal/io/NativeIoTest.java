package io.pulseio.server.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.concurrent.TimeUnit;
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
    void listeningChannelsMatchTheGroupTheyAreGiven() {
        EventLoopGroup nio = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            assertThat(NativeIo.serverChannel(nio)).isEqualTo(NioServerSocketChannel.class);
        } finally {
            nio.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        if (NativeIo.name().equals("epoll")) {
            EventLoopGroup epoll = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
            try {
                assertThat(NativeIo.serverChannel(epoll)).isEqualTo(EpollServerSocketChannel.class);
            } finally {
                epoll.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
    }
}
