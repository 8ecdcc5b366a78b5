package io.pulseio.server.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SessionClock} whose time moves only when a test says so: {@link #advance} runs the
 * tasks that fall due, in time order, at their due time; {@link #stall} moves time on without
 * running any (a loop thread that waits for a CPU), so that the next {@code advance} runs them
 * late. Single-threaded.
 */
final class ManualClock implements SessionClock {
    private long now = 1_000_000_000L;
    private long seq;
    private final List<Task> tasks = new ArrayList<>();

    private final class Task implements Timer {
        final long due;
        final long order = seq++;
        final Runnable run;
        boolean cancelled;

        Task(long due, Runnable run) {
            this.due = due;
            this.run = run;
        }

        @Override
        public void cancel() {
            cancelled = true;
            tasks.remove(this);
        }
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Timer schedule(Runnable task, long delayMillis) {
        Task t = new Task(now + TimeUnit.MILLISECONDS.toNanos(delayMillis), task);
        tasks.add(t);
        return t;
    }

    /** Moves time on by {@code millis}, running every task due meanwhile at its time. */
    void advance(long millis) {
        long end = now + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            Task next = tasks.stream()
                    .filter(t -> t.due <= end)
                    .min(Comparator.<Task>comparingLong(t -> t.due).thenComparingLong(t -> t.order))
                    .orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = Math.max(now, next.due);
            next.run.run();
        }
        now = end;
    }

    /** Moves time on by {@code millis} without running anything: the tasks due run late. */
    void stall(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** The tasks waiting. */
    int pending() {
        return tasks.size();
    }
}
