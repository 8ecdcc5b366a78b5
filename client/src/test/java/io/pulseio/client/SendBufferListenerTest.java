package io.pulseio.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The options' send buffer listener hears each change of the emits waiting, and a failing one harms nothing. */
class SendBufferListenerTest {
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitSum(List<Integer> changes, int sum) throws InterruptedException {
        for (int i = 0; i < 200 && changes.stream().mapToInt(Integer::intValue).sum() != sum; i++) {
            Thread.sleep(25);
        }
        assertThat(changes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(sum);
    }

    @Test
    void emitsBufferedWhileNotConnectedAreCountedUpAndDownAgainWhenTheyFail() throws Exception {
        List<Integer> changes = new CopyOnWriteArrayList<>();
        SocketIoClient client = SocketIoClient.create(ClientOptions.builder("http://127.0.0.1:" + closedPort())
                .reconnection(false)
                .sendBufferSize(2)
                .sendBufferListener(changes::add)
                .build());
        try {
            Socket socket = client.socket("/");
            socket.emit("one");
            socket.emit("two");
            socket.emit("three"); // over sendBufferSize: fails, never waits
            awaitSum(changes, 2);
            assertThat(changes).containsExactly(1, 1);
        } finally {
            client.close();
        }
        awaitSum(changes, 0);
        assertThat(changes).containsExactly(1, 1, -2);
    }

    @Test
    void aListenerThatThrowsIsLoggedAndTheEmitsStillWait() throws Exception {
        SocketIoClient client = SocketIoClient.create(ClientOptions.builder("http://127.0.0.1:" + closedPort())
                .reconnection(false)
                .sendBufferListener(change -> {
                    throw new IllegalStateException("a broken metrics listener");
                })
                .build());
        try {
            Socket socket = client.socket("/");
            socket.emit("one");
            List<SocketIoException> failed = new CopyOnWriteArrayList<>();
            socket.addListener(new SocketListener() {
                @Override
                public void onEmitFailed(String event, SocketIoException error) {
                    failed.add(error);
                }
            });
            Thread.sleep(200);
            assertThat(failed).isEmpty();
        } finally {
            client.close();
        }
    }

    @Test
    void noListenerIsTheDefault() {
        assertThat(ClientOptions.builder("http://localhost:3000").build().sendBufferListener())
                .isNull();
    }
}
