package io.pulseio.server.internal.socket;

import io.pulseio.server.AckReply;
import io.pulseio.server.AckTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gathers the replies to one broadcast with acks over one or more namespaces, each served by one
 * or more servers: done when every namespace's server count is known, every counted server told
 * how many sockets it reached, and that many replies arrived; failed with the replies so far at
 * the timeout. Calls arrive on many threads; guarded by {@code this}.
 */
final class AckCollector {
    final CompletableFuture<List<AckReply>> future = new CompletableFuture<>();
    private final List<AckReply> replies = new ArrayList<>();
    private int pendingNamespaces;
    private int expectedServers;
    private int reportedServers;
    private int expectedReplies;

    /** @param namespaces how many namespaces will report their server count */
    AckCollector(int namespaces) {
        this.pendingNamespaces = namespaces;
    }

    void startTimer(ScheduledExecutorService scheduler, long timeoutMillis) {
        ScheduledFuture<?> t = scheduler.schedule(this::timeout, timeoutMillis, TimeUnit.MILLISECONDS);
        future.whenComplete((r, e) -> t.cancel(false));
        check();
    }

    /** One namespace is served by {@code count} servers. */
    void servers(int count) {
        synchronized (this) {
            expectedServers += count;
            pendingNamespaces--;
        }
        check();
    }

    /** One server's part of the broadcast reached {@code count} sockets. */
    void reached(int count) {
        synchronized (this) {
            expectedReplies += count;
            reportedServers++;
        }
        check();
    }

    void reply(AckReply reply) {
        synchronized (this) {
            replies.add(reply);
        }
        check();
    }

    private void check() {
        List<AckReply> done = null;
        synchronized (this) {
            if (pendingNamespaces == 0 && reportedServers >= expectedServers && replies.size() >= expectedReplies) {
                done = List.copyOf(replies);
            }
        }
        if (done != null) {
            future.complete(done);
        }
    }

    private void timeout() {
        List<AckReply> partial;
        int expected;
        synchronized (this) {
            partial = List.copyOf(replies);
            expected = expectedReplies;
        }
        future.completeExceptionally(new AckTimeoutException(
                "operation has timed out: " + partial.size() + " of " + expected + " replies", partial));
    }
}
