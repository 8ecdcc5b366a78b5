package io.pulseio.logic.internal.run;

import io.pulseio.logic.debug.BreakCondition;
import io.pulseio.logic.debug.Breakpoint;
import io.pulseio.logic.debug.DebugListener;
import io.pulseio.logic.debug.Debugger;
import io.pulseio.logic.debug.NodeValues;
import io.pulseio.logic.debug.PausePoint;
import io.pulseio.logic.internal.load.ResolvedNode;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Values;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@link Debugger} of a run. The logic thread calls {@link #beforeNode} and {@link #betweenEvents} at
 * its pause points (only while a session is attached: a run without one never reaches this class); a
 * pause parks the logic thread on {@link #lock} until an action (resume, a step) or the run's stop. Calls
 * from other threads only change fields under the lock and wake the logic thread; inspection runs on the
 * logic thread, or under the lock while it is parked (it cannot leave the pause meanwhile).
 */
final class DebugSession implements Debugger {
    private enum Action {
        RESUME,
        STEP,
        OVER,
        OUT
    }

    private enum Mode {
        RUN,
        STEP,
        OVER,
        OUT,
        EVENT_END
    }

    private final Run run;
    private final DebugListener listener;
    private final Object lock = new Object();
    // guarded by lock
    private final Map<String, Breakpoint> breakpoints = new LinkedHashMap<>();
    private final ArrayDeque<Reading> tasks = new ArrayDeque<>();
    private boolean parked;
    private PausePoint pausedAt;
    private Action action;
    private boolean closed;
    /** A copy of the breakpoints for the logic thread. */
    private volatile Map<String, Breakpoint> active = Map.of();
    /** Tasks are waiting or a pause was asked for: the logic thread looks at the next pause point. */
    private volatile boolean work;

    private volatile boolean pauseAsked;
    /** The step in progress; written by the logic thread when it leaves a pause, and by resume. */
    private volatile Mode mode = Mode.RUN;

    private volatile int modeDepth;

    DebugSession(Run run, DebugListener listener) {
        this.run = run;
        this.listener = listener;
    }

    // ---- the logic thread's pause points

    /** Just before {@code node} executes, on pulse input {@code pin} (-1: a listener fires). */
    void beforeNode(LiveNode node, int pin, int depth) {
        if (work) {
            runTasks();
        }
        PausePoint.Reason reason = null;
        if (pauseAsked) {
            reason = PausePoint.Reason.PAUSE;
        } else {
            Mode m = mode;
            if (m == Mode.STEP || (m == Mode.OVER && depth <= modeDepth) || (m == Mode.OUT && depth < modeDepth)) {
                reason = PausePoint.Reason.STEP;
            }
        }
        Map<String, Breakpoint> bps = active;
        if (!bps.isEmpty()) {
            Breakpoint b = bps.get(node.id);
            if (b != null && b.enabled() && holds(b.condition(), node)) {
                reason = PausePoint.Reason.BREAKPOINT;
            }
        }
        if (reason != null && !run.isStopping()) {
            park(point(reason, node, pin));
        }
    }

    /** Before the logic thread takes the next event from the queue. */
    void betweenEvents() {
        if (work) {
            runTasks();
        }
        boolean asked = pauseAsked;
        if ((asked || mode == Mode.EVENT_END) && !run.isStopping()) {
            park(point(asked ? PausePoint.Reason.PAUSE : PausePoint.Reason.STEP, null, -1));
        }
    }

    /** The run is stopping: a parked logic thread leaves its pause. Any thread. */
    void stopping() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private PausePoint point(PausePoint.Reason reason, LiveNode node, int pin) {
        Interpreter in = run.interpreter;
        String scene = run.state.activeScene();
        if (node == null) {
            return new PausePoint(reason, null, null, null, null, scene, null, List.of(), run.queueLength());
        }
        ResolvedNode r = node.resolved;
        String function = r.graph.scope() == Scope.FUNCTION ? r.graph.owner() : null;
        String pinName = pin < 0 ? null : r.signature.inputs().get(pin).name();
        return new PausePoint(
                reason, node.id, node.typeId, pinName, node.graph, scene, function, in.callerIds(), run.queueLength());
    }

    private void park(PausePoint at) {
        synchronized (lock) {
            // the logic thread read pauseAsked and mode without the lock: a resume since then cancels
            // the pause or the step it saw (a breakpoint still holds)
            boolean cancelled = (at.reason() == PausePoint.Reason.PAUSE && !pauseAsked)
                    || (at.reason() == PausePoint.Reason.STEP && mode == Mode.RUN);
            if (closed || cancelled) {
                return;
            }
            parked = true;
            pausedAt = at;
            action = null;
            pauseAsked = false;
        }
        mode = Mode.RUN;
        run.interpreter.flushTrace(); // what ran up to the pause is in the trace while paused
        if (at.reason() == PausePoint.Reason.BREAKPOINT) {
            tell(() -> listener.breakpointHit(at));
        }
        tell(() -> listener.paused(at));
        Action a = awaitAction();
        int depth = at.callDepth();
        switch (a) {
            case STEP -> mode = Mode.STEP;
            case OVER -> {
                modeDepth = depth;
                mode = at.betweenEvents() ? Mode.STEP : Mode.OVER;
            }
            case OUT -> {
                modeDepth = depth;
                mode = depth == 0 ? Mode.EVENT_END : Mode.OUT;
            }
            default -> mode = Mode.RUN;
        }
        tell(listener::resumed);
    }

    /** Waits, running inspection tasks meanwhile, for what to do next. */
    private Action awaitAction() {
        while (true) {
            Reading task;
            synchronized (lock) {
                while (tasks.isEmpty() && action == null && !closed && !run.isStopping()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        action = Action.RESUME;
                    }
                }
                task = tasks.poll();
                if (task == null) {
                    Action a = action == null || closed || run.isStopping() ? Action.RESUME : action;
                    action = null;
                    parked = false;
                    pausedAt = null;
                    work = !tasks.isEmpty() || pauseAsked;
                    return a;
                }
            }
            task.run();
        }
    }

    private void runTasks() {
        while (true) {
            Reading task;
            synchronized (lock) {
                task = tasks.poll();
                if (task == null) {
                    work = pauseAsked;
                    return;
                }
            }
            task.run();
        }
    }

    private void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            Run.LOG.warn("{}: debug listener failed", run.projectName(), e);
        }
    }

    private boolean holds(BreakCondition condition, LiveNode node) {
        if (condition == null) {
            return true;
        }
        String text;
        try {
            text = Values.text(node.input(node.resolved.signature.inputIndex(condition.input())));
        } catch (RuntimeException e) {
            text = null;
        }
        return condition.holds(text);
    }

    // ---- any thread

    @Override
    public void pause() {
        synchronized (lock) {
            open();
            if (parked && action == null) {
                return; // paused already
            }
            // not parked, or parked with a resume or step pending: halt at the next pause point
            pauseAsked = true;
            work = true;
        }
        run.wakeUp();
    }

    @Override
    public void resume() {
        synchronized (lock) {
            open();
            pauseAsked = false;
            mode = Mode.RUN;
            if (parked) {
                action = Action.RESUME;
                lock.notifyAll();
            }
        }
    }

    @Override
    public void step() {
        act(Action.STEP);
    }

    @Override
    public void stepOver() {
        act(Action.OVER);
    }

    @Override
    public void stepOut() {
        act(Action.OUT);
    }

    private void act(Action a) {
        synchronized (lock) {
            open();
            if (parked) {
                action = a;
                lock.notifyAll();
                return;
            }
        }
        pause();
    }

    @Override
    public boolean isPaused() {
        synchronized (lock) {
            open();
            return parked;
        }
    }

    @Override
    public Optional<PausePoint> pausedAt() {
        synchronized (lock) {
            open();
            return Optional.ofNullable(pausedAt);
        }
    }

    @Override
    public Breakpoint setBreakpoint(String nodeId, BreakCondition condition) {
        ResolvedNode node = run.resolvedNode(nodeId);
        if (condition != null) {
            int i = node.signature.inputIndex(condition.input());
            if (i < 0 || node.signature.inputs().get(i).isPulse()) {
                throw new IllegalArgumentException("node '" + nodeId + "' (" + node.typeId() + ") has no data input '"
                        + condition.input() + "'; its data inputs: " + dataInputs(node));
            }
        }
        Breakpoint b = new Breakpoint(nodeId, true, condition);
        synchronized (lock) {
            open();
            breakpoints.put(nodeId, b);
            active = Map.copyOf(breakpoints);
        }
        return b;
    }

    private static String dataInputs(ResolvedNode node) {
        List<String> names = node.signature.inputs().stream()
                .filter(p -> !p.isPulse())
                .map(PinSpec::name)
                .toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    @Override
    public Breakpoint enableBreakpoint(String nodeId, boolean enabled) {
        synchronized (lock) {
            open();
            Breakpoint b = breakpoints.get(nodeId);
            if (b == null) {
                throw new IllegalArgumentException("no breakpoint on node '" + nodeId + "'");
            }
            b = new Breakpoint(nodeId, enabled, b.condition());
            breakpoints.put(nodeId, b);
            active = Map.copyOf(breakpoints);
            return b;
        }
    }

    @Override
    public boolean removeBreakpoint(String nodeId) {
        synchronized (lock) {
            open();
            boolean had = breakpoints.remove(nodeId) != null;
            active = Map.copyOf(breakpoints);
            return had;
        }
    }

    @Override
    public List<Breakpoint> breakpoints() {
        synchronized (lock) {
            open();
            return List.copyOf(breakpoints.values());
        }
    }

    @Override
    public CompletionStage<NodeValues> values(String nodeId) {
        run.resolvedNode(nodeId);
        Reading read = new Reading(nodeId, new CompletableFuture<>());
        CompletableFuture<NodeValues> answer = read.answer;
        synchronized (lock) {
            open();
            if (parked || run.inLogicThread() || run.isStopped()) {
                read.run(); // the logic thread is parked (it cannot leave while we hold the lock), is us, or is gone
                return answer;
            }
            tasks.add(read);
            work = true;
        }
        run.wakeUp();
        return answer;
    }

    private NodeValues read(String nodeId) {
        LiveNode node = run.state.liveNode(nodeId);
        if (node == null) {
            throw new IllegalStateException("the run has not created its nodes (yet)");
        }
        List<PinSpec> ins = node.resolved.signature.inputs();
        List<NodeValues.PinValue> inputs = new ArrayList<>();
        for (int i = 0; i < ins.size(); i++) {
            if (!ins.get(i).isPulse()) {
                inputs.add(value(ins.get(i), node, i, true));
            }
        }
        List<PinSpec> outs = node.resolved.signature.outputs();
        List<NodeValues.PinValue> outputs = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            if (!outs.get(i).isPulse()) {
                outputs.add(value(outs.get(i), node, i, false));
            }
        }
        return new NodeValues(node.id, node.typeId, inputs, outputs);
    }

    private NodeValues.PinValue value(PinSpec pin, LiveNode node, int index, boolean input) {
        try {
            Object v = input
                    ? node.input(index)
                    : node.kind == io.pulseio.logic.spi.NodeKind.PURE
                            ? run.interpreter.pull(node, index)
                            : node.outputs[index];
            return new NodeValues.PinValue(pin.name(), pin.type().id(), v, null);
        } catch (RuntimeException e) {
            return new NodeValues.PinValue(pin.name(), pin.type().id(), null, Interpreter.describe(e));
        }
    }

    @Override
    public int queueLength() {
        open();
        return run.queueLength();
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("the debugger is detached");
        }
    }

    @Override
    public void close() {
        List<Reading> dropped;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            breakpoints.clear();
            active = Map.of();
            pauseAsked = false;
            work = false;
            mode = Mode.RUN;
            dropped = new ArrayList<>(tasks);
            tasks.clear();
            lock.notifyAll();
        }
        run.detach(this);
        dropped.forEach(r -> r.answer.completeExceptionally(new IllegalStateException("the debugger is detached")));
    }

    /** A {@link #values} request waiting for the logic thread. */
    private final class Reading {
        final String nodeId;
        final CompletableFuture<NodeValues> answer;

        Reading(String nodeId, CompletableFuture<NodeValues> answer) {
            this.nodeId = nodeId;
            this.answer = answer;
        }

        void run() {
            try {
                answer.complete(read(nodeId));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }
    }
}
