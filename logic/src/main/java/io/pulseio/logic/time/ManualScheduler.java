package io.pulseio.logic.time;

import java.util.PriorityQueue;

/**
 * A {@link Scheduler} in virtual time, for tests: nothing happens until {@link #advance} or
 * {@link #runNext} is called, and then due tasks run on the calling thread in due order. Thread-safe.
 */
public final class ManualScheduler implements Scheduler {
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long now;
    private long sequence;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    /** Virtual milliseconds since creation. */
    public synchronized long millis() {
        return now / 1_000_000L;
    }

    @Override
    public synchronized Cancellable schedule(long delayMillis, Runnable task) {
        Task t = new Task(now + Math.max(0, delayMillis) * 1_000_000L, sequence++, task);
        tasks.add(t);
        return () -> {
            synchronized (ManualScheduler.this) {
                tasks.remove(t);
            }
        };
    }

    /** Moves time forward by {@code millis}, running every task that falls due on the way. */
    public void advance(long millis) {
        long target;
        synchronized (this) {
            target = now + millis * 1_000_000L;
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = Math.max(now, next.due);
            }
            next.action.run();
        }
    }

    /** Jumps to the earliest pending task and runs it; false when nothing is pending. */
    public boolean runNext() {
        Task next;
        synchronized (this) {
            next = tasks.poll();
            if (next == null) {
                return false;
            }
            now = Math.max(now, next.due);
        }
        next.action.run();
        return true;
    }

    /**
     * Runs the earliest pending task if it is due at or before virtual time {@code untilMillis}, moving
     * time to its due time; false (and no change) otherwise. Lets a test let the code under test react
     * to each task (for example schedule the next one) before time moves on.
     */
    public boolean runNextUntil(long untilMillis) {
        Task next;
        synchronized (this) {
            next = tasks.peek();
            if (next == null || next.due > untilMillis * 1_000_000L) {
                return false;
            }
            tasks.poll();
            now = Math.max(now, next.due);
        }
        next.action.run();
        return true;
    }

    /** Number of pending tasks. */
    public synchronized int pending() {
        return tasks.size();
    }

    private record Task(long due, long seq, Runnable action) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
