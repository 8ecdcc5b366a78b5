package io.pulseio.nodes.socketio.internal.shared;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A logic executor the test drives by hand: tasks wait in a queue until the test runs them, on the test's
 * thread, so that a test can place a node call between two callbacks of the client.
 */
public final class QueueExecutor implements Executor {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Tasks waiting now. */
    public int queued() {
        return tasks.size();
    }

    /** Runs the next task, waiting for one (fails the test after 10 s). */
    public void runOne() {
        Runnable task;
        try {
            task = tasks.poll(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (task == null) {
            fail("no task came within " + LIMIT);
        }
        task.run();
    }

    /** Runs tasks, one at a time and waiting for them, until {@code done} holds. */
    public void runUntil(BooleanSupplier done) {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("condition not reached within " + LIMIT);
            }
            runOne();
        }
    }

    /** Runs the {@code n} tasks at the head of the queue (those waiting now, say). */
    public void run(int n) {
        for (int i = 0; i < n; i++) {
            tasks.remove().run();
        }
    }

    /** Waits until at least {@code n} tasks wait (without running them). */
    public void awaitQueued(int n) {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (tasks.size() < n) {
            if (System.nanoTime() > end) {
                fail(n + " tasks not queued within " + LIMIT);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Runs whatever comes until nothing has come for {@code quiet}. */
    public void drain(Duration quiet) {
        while (true) {
            Runnable task;
            try {
                task = tasks.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (task == null) {
                return;
            }
            task.run();
        }
    }
}
