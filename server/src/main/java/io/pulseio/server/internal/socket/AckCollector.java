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
 * Gathers the replies to one broadcast with acks: done when every reached socket answered, failed
 * with the replies so far at the timeout. Replies arrive on many threads; guarded by {@code this}.
 */
final class AckCollector {
  final CompletableFuture<List<AckReply>> future = new CompletableFuture<>();
  private final List<AckReply> replies = new ArrayList<>();
  private int expected;
  private int pendingParts;
  private ScheduledFuture<?> timer;

  AckCollector(int parts) {
    this.pendingParts = parts;
  }

  void startTimer(ScheduledExecutorService scheduler, long timeoutMillis) {
    ScheduledFuture<?> t = scheduler.schedule(this::timeout, timeoutMillis, TimeUnit.MILLISECONDS);
    synchronized (this) {
      timer = t;
    }
    future.whenComplete((r, e) -> t.cancel(false));
  }

  /** One namespace's broadcast reached {@code count} sockets. */
  void reached(int count) {
    synchronized (this) {
      expected += count;
      pendingParts--;
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
      if (pendingParts == 0 && replies.size() >= expected) {
        done = List.copyOf(replies);
      }
    }
    if (done != null) {
      future.complete(done);
    }
  }

  private void timeout() {
    List<AckReply> partial;
    synchronized (this) {
      partial = List.copyOf(replies);
    }
    future.completeExceptionally(new AckTimeoutException(
        "operation has timed out: " + partial.size() + " of " + expected + " replies", partial));
  }
}
