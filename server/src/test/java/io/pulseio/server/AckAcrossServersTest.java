package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.pulseio.protocol.SocketPacket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broadcast with acks waits for every server the adapter counts: the server collects the
 * counts and replies an adapter reports for the others, as a cluster adapter does.
 */
class AckAcrossServersTest {
    private SocketIoServer server;

    /** An in-memory adapter that says it has a peer, which reports what {@code peer} says. */
    private static final class WithPeer extends ForwardingAdapter {
        private final Consumer<Peer> peer;

        WithPeer(Adapter.Context context, Consumer<Peer> peer) {
            super(Adapter.inMemory().create(context));
            this.peer = peer;
        }

        @Override
        public CompletableFuture<Integer> serverCount() {
            return CompletableFuture.completedFuture(2);
        }

        @Override
        public void broadcastWithAck(
                SocketPacket packet,
                BroadcastOptions options,
                Duration timeout,
                IntConsumer clientCount,
                Consumer<AckReply> reply) {
            super.broadcastWithAck(packet, options, timeout, clientCount, reply);
            peer.accept(new Peer(clientCount, reply));
        }
    }

    private record Peer(IntConsumer clientCount, Consumer<AckReply> reply) {}

    private int start(Consumer<Peer> peer) {
        server = SocketIoServer.create(ServerOptions.builder()
                .host("127.0.0.1")
                .ioThreads(2)
                .adapter(c -> new WithPeer(c, peer))
                .build());
        return server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void repliesOfTheOtherServerCompleteTheBroadcast() throws Exception {
        int port = start(p -> {
            p.clientCount().accept(1);
            p.reply().accept(new AckReply(null, List.of(TextNode.valueOf("remote"))));
        });
        try (WsClient ws = WsClient.socketIo(port, "40")) {
            ws.nextText();
            CompletableFuture<List<AckReply>> replies = server.sockets().emitWithAck(Duration.ofSeconds(5), "count");
            String packet = ws.nextText();
            assertThat(replies).isNotDone();
            ws.send("43" + packet.substring(2, packet.indexOf('[')) + "[\"local\"]");
            assertThat(replies.get(5, TimeUnit.SECONDS))
                    .extracting(r -> r.args().get(0).textValue())
                    .containsExactlyInAnyOrder("local", "remote");
        }
    }

    @Test
    void aServerThatNeverReportsEndsInTheTimeoutWithTheRepliesSoFar() throws Exception {
        int port = start(p -> {});
        try (WsClient ws = WsClient.socketIo(port, "40")) {
            ws.nextText();
            CompletableFuture<List<AckReply>> replies = server.sockets().emitWithAck(Duration.ofMillis(300), "count");
            String packet = ws.nextText();
            ws.send("43" + packet.substring(2, packet.indexOf('[')) + "[\"local\"]");
            ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(
                    ExecutionException.class, () -> replies.get(5, TimeUnit.SECONDS));
            assertThat(failed.getCause()).isInstanceOf(AckTimeoutException.class);
            assertThat(((AckTimeoutException) failed.getCause()).replies())
                    .extracting(r -> r.args().get(0).textValue())
                    .containsExactly("local");
        }
    }

    @Test
    void theLocalFlagCountsThisServerOnly() throws Exception {
        int port = start(p -> {});
        try (WsClient ws = WsClient.socketIo(port, "40")) {
            ws.nextText();
            CompletableFuture<List<AckReply>> replies =
                    server.sockets().local().emitWithAck(Duration.ofSeconds(5), "count");
            String packet = ws.nextText();
            ws.send("43" + packet.substring(2, packet.indexOf('[')) + "[1]");
            assertThat(replies.get(5, TimeUnit.SECONDS)).hasSize(1);
        }
    }
}
