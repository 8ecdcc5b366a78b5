package io.pulseio.logic.internal.run;

import io.pulseio.logic.debug.DebugListener;
import io.pulseio.logic.debug.Debugger;
import io.pulseio.logic.internal.load.LinkedProject;
import io.pulseio.logic.internal.load.ResolvedNode;
import io.pulseio.logic.time.Cancellable;
import io.pulseio.logic.time.Scheduler;
import io.pulseio.logic.time.SystemScheduler;
import io.pulseio.logic.trace.TraceEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running project: the logic thread, its event queue and lifecycle. Graph state lives in
 * {@link RunState}; pulses run in {@link Interpreter}. The API's {@code ProjectRun} wraps it and
 * documents its public methods (each may be called from any thread).
 */
public final class Run {
    static final Logger LOG = LoggerFactory.getLogger("io.pulseio.logic");
    private static final Runnable WAKE_UP = () -> {};
    /** Wakes an idle logic thread for its debugger; counted in {@link #debugWakes}, not an event. */
    private static final Runnable DEBUG_WAKE_UP = () -> {};

    final LinkedProject project;
    final RunSettings options;
    final Scheduler scheduler;
    private final boolean ownsScheduler;
    final Interpreter interpreter;
    final RunState state;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    /** Events to run right after the current one, before the queue is read again (logic thread only). */
    private final ArrayDeque<Runnable> followUps = new ArrayDeque<>();

    private final Thread thread;
    private final Object idleLock = new Object();
    private int outstanding;
    /** Records plugins made on other threads, emitted before the next event. */
    private final OtherThreadTraces laterTraces = new OtherThreadTraces(this);

    private volatile boolean stopping;
    private volatile boolean stopped;
    private volatile int stopCode;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile DebugSession debugger;
    /** Events the logic caused itself that ran one after another, with none from outside (logic thread only). */
    private int selfCaused;
    /** True while {@link #runEvent} runs (logic thread only). */
    private boolean inEvent;

    private final java.util.Map<String, ResolvedNode> nodesById = new java.util.HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger debugWakes =
            new java.util.concurrent.atomic.AtomicInteger();

    private Run(LinkedProject project, RunSettings options) {
        this.project = project;
        this.options = options;
        this.ownsScheduler = options.scheduler() == null;
        this.scheduler = ownsScheduler ? Scheduler.system() : options.scheduler();
        this.interpreter = new Interpreter(this, options, scheduler);
        this.state = new RunState(this);
        project.nodes().forEach(n -> nodesById.put(n.id(), n));
        this.thread = new Thread(this::loop, "pulseio-logic-" + project.spec().name());
        this.thread.setDaemon(true);
    }

    /** Creates the run and starts its logic thread; the start sequence is its first event and always runs. */
    public static Run start(LinkedProject project, RunSettings options) {
        return start(project, options, null);
    }

    /**
     * {@link #start(LinkedProject, RunSettings)} with a debugger attached to {@code listener} (when not null)
     * and paused before the first event, so that breakpoints can be set before anything runs.
     */
    public static Run start(LinkedProject project, RunSettings options, DebugListener listener) {
        Run run = new Run(project, options);
        run.post(run.state::boot);
        if (listener != null) {
            run.attachDebugger(listener).pause();
        }
        run.thread.start();
        return run;
    }

    /** A trace record made on another thread (a plugin's I/O thread): see {@link OtherThreadTraces}. */
    void traceFromOtherThread(TraceEvent event) {
        laterTraces.add(event);
    }

    /** Counts work that will come as an event, so that the run is not idle meanwhile (any thread). */
    void holdIdle() {
        synchronized (idleLock) {
            outstanding++;
        }
    }

    /** Queues an event {@link #holdIdle} counted already; its end counts it down (any thread). */
    void queueHeld(Runnable event) {
        queue.add(event);
    }

    /** The work {@link #holdIdle} counted came to nothing (any thread). */
    void releaseIdle() {
        synchronized (idleLock) {
            if (!stopped) {
                outstanding--;
                idleLock.notifyAll();
            }
        }
    }

    /** Queues an event (any thread); false when the run is stopping or stopped. */
    boolean post(Runnable event) {
        if (stopping) {
            return false;
        }
        synchronized (idleLock) {
            outstanding++;
        }
        queue.add(Thread.currentThread() == thread ? new SelfCaused(event) : event);
        return true;
    }

    /** An event the logic thread posted itself (a listener it fired, a scene it loads): no input from outside. */
    private record SelfCaused(Runnable event) implements Runnable {
        @Override
        public void run() {
            event.run();
        }
    }

    /**
     * Whether {@code event} may run: an event from outside always may (and ends a streak of the logic's own);
     * the logic's own events may until {@code maxEventsWithoutInput} ran in a row, then they are dropped (and
     * the streak reported once) until one comes from outside.
     */
    private boolean admit(Runnable event) {
        if (!(event instanceof SelfCaused)) {
            selfCaused = 0;
            return true;
        }
        if (++selfCaused <= options.maxEventsWithoutInput()) {
            return true;
        }
        if (selfCaused == options.maxEventsWithoutInput() + 1) {
            String message = "runaway event loop: more than " + options.maxEventsWithoutInput()
                    + " events in a row caused by the logic itself, with no input from outside;"
                    + " its events are dropped until one comes from outside";
            LOG.warn("{}: {}", project.spec().name(), message);
            interpreter.emit(new TraceEvent.Error(interpreter.now(), "loop", null, null, message));
        }
        return false;
    }

    /**
     * Queues an event to run right after the current one, ahead of the queue: as if it had been posted, but
     * without the queue's locks. Logic thread only; dropped when the run is stopping.
     */
    void postNext(Runnable event) {
        if (!stopping) {
            followUps.add(event);
        }
    }

    boolean inLogicThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Runs events until stopped. The first event (boot, queued by {@link #start}) always runs, so the trace
     * begins with runStarted even when a stop came before the thread did.
     */
    private void loop() {
        try {
            for (boolean first = true; first || !stopping; first = false) {
                DebugSession debug = debugger;
                if (debug != null) {
                    debug.betweenEvents();
                }
                Runnable event = queue.take();
                if (event == DEBUG_WAKE_UP) {
                    debugWakes.decrementAndGet();
                    continue;
                }
                if (laterTraces.any()) {
                    laterTraces.emit(); // made before this event was taken: they come first
                }
                try {
                    if (admit(event)) {
                        runEvent(event);
                    }
                    for (Runnable next; !stopping && (next = followUps.poll()) != null; ) {
                        runEvent(next);
                    }
                } finally {
                    followUps.clear();
                    synchronized (idleLock) {
                        if (event != WAKE_UP) {
                            outstanding--;
                        }
                        idleLock.notifyAll();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopCode = 70;
        } finally {
            shutdown();
        }
    }

    /** Whether the logic thread runs an event now (logic thread only). */
    boolean inEvent() {
        return inEvent;
    }

    private void runEvent(Runnable event) {
        interpreter.beginEvent(state.projectScope, debugger);
        inEvent = true;
        try {
            event.run();
        } catch (Unwind.Stop s) {
            interpreter.reset();
        } catch (Unwind.Loop loop) {
            interpreter.reset();
            LOG.warn("{}: {} (at node {})", project.spec().name(), loop.getMessage(), loop.nodeId);
            interpreter.emit(
                    new TraceEvent.Error(interpreter.now(), "loop", loop.nodeId, loop.typeId, loop.getMessage()));
        } catch (RuntimeException | LinkageError | AssertionError e) {
            interpreter.reset();
            LOG.error("{}: runtime error", project.spec().name(), e);
            interpreter.emit(new TraceEvent.Error(interpreter.now(), "runtime", null, null, Interpreter.describe(e)));
        } catch (Throwable e) {
            // StackOverflowError, OutOfMemoryError and the like: the run's state can no longer be trusted
            interpreter.reset();
            LOG.error("{}: fatal runtime error, stopping", project.spec().name(), e);
            interpreter.emit(new TraceEvent.Error(interpreter.now(), "runtime", null, null, Interpreter.describe(e)));
            stopCode = 70;
            requestStop(70);
        } finally {
            inEvent = false;
            interpreter.endEvent();
        }
    }

    /** Marks the run as stopping; the loop ends after the current event (logic thread or any thread). */
    void requestStop(int exitCode) {
        if (!stopping) {
            stopCode = exitCode;
            stopping = true;
            queue.add(WAKE_UP);
            DebugSession debug = debugger;
            if (debug != null) {
                debug.stopping();
            }
        }
    }

    boolean isStopping() {
        return stopping;
    }

    /** Events waiting in the queue (any thread). */
    public int queueLength() {
        return Math.max(0, queue.size() - debugWakes.get());
    }

    /** Lets an idle logic thread reach its next pause point, where the debugger looks at what it was asked. */
    void wakeUp() {
        debugWakes.incrementAndGet();
        queue.add(DEBUG_WAKE_UP);
    }

    /** The node {@code id} of the project; throws {@link IllegalArgumentException} when there is none. */
    ResolvedNode resolvedNode(String id) {
        java.util.Objects.requireNonNull(id, "nodeId");
        ResolvedNode node = nodesById.get(id);
        if (node == null) {
            throw new IllegalArgumentException("project '" + projectName() + "' has no node '" + id + "'");
        }
        return node;
    }

    public Debugger attachDebugger(DebugListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        synchronized (idleLock) {
            if (stopped) {
                throw new IllegalStateException("run '" + projectName() + "' has stopped");
            }
            if (debugger != null) {
                throw new IllegalStateException("a debugger is attached to run '" + projectName() + "' already");
            }
            DebugSession session = new DebugSession(this, listener);
            debugger = session;
            return session;
        }
    }

    public java.util.Optional<Debugger> debugger() {
        return java.util.Optional.ofNullable(debugger);
    }

    void detach(DebugSession session) {
        synchronized (idleLock) {
            if (debugger == session) {
                debugger = null;
            }
        }
    }

    private void shutdown() {
        try {
            state.shutdown();
        } catch (RuntimeException e) {
            LOG.error("{}: error while stopping", project.spec().name(), e);
        } catch (Throwable e) {
            LOG.error("{}: fatal error while stopping", project.spec().name(), e);
            interpreter.emit(new TraceEvent.Error(interpreter.now(), "runtime", null, null, Interpreter.describe(e)));
            stopCode = 70;
        }
        laterTraces.emit();
        interpreter.emit(new TraceEvent.RunStopped(interpreter.now(), stopCode));
        queue.clear();
        if (ownsScheduler) {
            ((SystemScheduler) scheduler).close();
        }
        synchronized (idleLock) {
            stopped = true;
            outstanding = 0;
            idleLock.notifyAll();
        }
        exit.complete(stopCode);
    }

    /** Schedules a node's task as a later event in the current scope; cancelled when that scope ends. */
    Cancellable schedule(LiveNode node, long delayMillis, Runnable task) {
        ScopeState owner = interpreter.currentScope;
        Timer timer = new Timer(owner);
        owner.own(timer);
        timer.scheduled = scheduler.schedule(delayMillis, () -> post(() -> runInScope(timer, node, task)));
        return timer;
    }

    /**
     * A one-shot executor for a node's answer from another thread, in the current scope (see NodeContext).
     * An answer given by a plugin's task on the logic thread (a network callback delivered through the logic
     * executor) runs right after that task, as the listeners it fires do: one trip through the queue, in
     * the order the network delivered it.
     */
    java.util.concurrent.Executor answerLater(LiveNode node) {
        Timer pending = new Timer(interpreter.currentScope);
        pending.owner.own(pending);
        return task -> {
            Runnable answer = () -> runInScope(pending, node, task);
            if (inLogicThread() && state.inPluginTask()) {
                postNext(answer);
            } else {
                post(answer);
            }
        };
    }

    /** Runs a timer's or an answer's task in its scope, unless it was cancelled or has run already. */
    private void runInScope(Timer timer, LiveNode node, Runnable task) {
        if (timer.cancelled) {
            return;
        }
        timer.cancelled = true; // once
        ScopeState owner = timer.owner;
        owner.forget(timer);
        interpreter.currentScope = owner;
        interpreter.callback(() -> {
            try {
                task.run();
            } catch (Unwind u) {
                throw u;
            } catch (RuntimeException e) {
                nodeFailed(node, e);
            }
        });
    }

    private static final class Timer implements Cancellable, AutoCloseable {
        private final ScopeState owner;
        volatile Cancellable scheduled;
        volatile boolean cancelled;

        Timer(ScopeState owner) {
            this.owner = owner;
        }

        @Override
        public void cancel() {
            cancelled = true;
            Cancellable s = scheduled;
            if (s != null) {
                s.cancel();
            }
            owner.forget(this);
        }

        @Override
        public void close() {
            cancelled = true;
            Cancellable s = scheduled;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /** A behaviour threw: trace, log, and let the node's plugin route it to its error listeners. */
    void nodeFailed(LiveNode node, Throwable error) {
        state.nodeFailed(node, error);
    }

    public String projectName() {
        return project.spec().name();
    }

    public void stop(int exitCode) {
        requestStop(exitCode);
    }

    public CompletionStage<Integer> exitCode() {
        return exit.minimalCompletionStage();
    }

    public int awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return exit.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idleLock) {
            while (outstanding > 0 && !stopped) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idleLock, left);
            }
            return true;
        }
    }

    public boolean isStopped() {
        return stopped;
    }

    public void close() {
        stop(0);
        if (inLogicThread()) {
            return;
        }
        try {
            awaitExit(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.warn("{}: run did not stop within 10 s", projectName());
        }
    }
}
