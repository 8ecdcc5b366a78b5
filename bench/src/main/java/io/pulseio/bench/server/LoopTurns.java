package io.pulseio.bench.server;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.util.concurrent.Executor;

/**
 * Runs the next step of a long job in a later turn of the event loop the caller is on, so that
 * other work on that loop (reads, write completions, other sockets) gets its turn in between; the
 * reference server does the same with {@code setImmediate}.
 *
 * <p>The server's public API calls socket listeners on the socket's event loop but does not hand
 * out that loop, so this asks Netty which executor owns the current thread. Off a Netty thread it
 * falls back to running the step at once.
 */
final class LoopTurns {
  private LoopTurns() {}

  /** The executor of the current event loop thread, or a direct one off the loops. */
  static Executor current() {
    EventExecutor loop = ThreadExecutorMap.currentExecutor();
    return loop != null ? loop : Runnable::run;
  }
}
