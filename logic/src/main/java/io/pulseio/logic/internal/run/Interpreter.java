package io.pulseio.logic.internal.run;

import io.pulseio.logic.time.Scheduler;
import io.pulseio.logic.trace.TraceEvent;
import io.pulseio.logic.trace.TraceListener;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Runs pulses through the graph: an explicit stack of pulses in flight (no recursion per node, so long
 * chains cannot overflow the Java stack), depth first. A behaviour's fired outputs wait in a pending area and are
 * pushed in reverse when it returns, so the first fired branch runs to its end before the second.
 * Data inputs pull lazily. Guards cut off runaway loops. Logic thread only.
 */
final class Interpreter {
    final Run run;
    private final TraceListener trace;
    final boolean tracing;
    private final Scheduler clock;
    private final long startNanos;
    private final int maxSteps;
    private final int maxDepth;
    private final int maxCallDepth;
    private final int maxPullDepth;

    /** Pulses in flight: the node and output each left from. */
    private LiveNode[] stackNode = new LiveNode[64];

    private int[] stackPin = new int[64];
    private int sp;
    private LiveNode[] pendingNode = new LiveNode[16];
    private int[] pendingPin = new int[16];
    private int pending;
    private int steps;
    private int pullDepth;
    private int callDepth;
    private final Deque<Object[]> frames = new ArrayDeque<>();
    /** The Call Function nodes of the calls in progress, innermost first (for the debugger). */
    private final ArrayDeque<LiveNode> callers = new ArrayDeque<>();
    /** The attached debugger, read from the run at each event; null (and never looked at further) without one. */
    DebugSession debug;
    /** The scope the current event runs in: owns timers and resources started by it. */
    ScopeState currentScope;

    Interpreter(Run run, RunSettings options, Scheduler clock) {
        this.run = run;
        this.trace = options.trace();
        this.tracing = trace != TraceListener.NONE;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.maxSteps = options.maxStepsPerEvent();
        this.maxDepth = options.maxPulseDepth();
        this.maxCallDepth = options.maxCallDepth();
        this.maxPullDepth = options.maxPullDepth();
    }

    /** Nanoseconds since the run started. */
    long now() {
        return clock.nanoTime() - startNanos;
    }

    /**
     * Hands a record to the trace listener: at once between events, at the end of the event (or before a
     * pause, or once {@link #DEFERRED_MAX} wait) during one, so that writing a trace is not on the event's
     * own path (a Send's message goes out before the records made before it are written). Same order.
     */
    void emit(TraceEvent event) {
        if (tracing) {
            if (inEvent) {
                deferred.add(event);
                if (deferred.size() >= DEFERRED_MAX) {
                    flushTrace();
                }
            } else {
                deliver(event);
            }
        }
    }

    /** At most this many records of an event wait for its end. */
    static final int DEFERRED_MAX = 256;

    private final java.util.ArrayList<TraceEvent> deferred = new java.util.ArrayList<>();
    private boolean inEvent;

    /** Hands the records the running event made so far to the listener (logic thread). */
    void flushTrace() {
        for (int i = 0; i < deferred.size(); i++) {
            deliver(deferred.get(i));
        }
        deferred.clear();
    }

    private void deliver(TraceEvent event) {
        try {
            trace.onEvent(event);
        } catch (RuntimeException e) {
            Run.LOG.warn("trace listener failed on {}", event.kind(), e);
        }
    }

    /** Called before each event: fresh step budget. */
    void beginEvent(ScopeState scope, DebugSession debugger) {
        debug = debugger;
        steps = 0;
        pullDepth = 0;
        currentScope = scope;
        inEvent = tracing;
    }

    /** Called after each event, however it ended: its records go to the listener. */
    void endEvent() {
        inEvent = false;
        if (!deferred.isEmpty()) {
            flushTrace();
        }
    }

    /** After an abandoned event: drop whatever was in flight. */
    void reset() {
        Arrays.fill(stackNode, 0, sp, null);
        Arrays.fill(pendingNode, 0, pending, null);
        sp = 0;
        pending = 0;
        pullDepth = 0;
        callDepth = 0;
        frames.clear();
        callers.clear();
    }

    /** Fires a listener's {@code out}: sets nothing (the caller set outputs), runs its chain to the end. */
    void fireListener(LiveNode node) {
        if (node.scope != null) {
            currentScope = node.scope;
        }
        step(node, -1);
        if (tracing) {
            emit(new TraceEvent.NodeExecuted(now(), node.id, node.typeId, null, node.graph, 0));
        }
        int base = sp;
        int mark = pending;
        if (node.firstPulseOutput >= 0) {
            node.fire(node.firstPulseOutput);
        }
        flush(mark);
        drain(base);
    }

    /**
     * Fires a listener in place, for a node that failed just now: like {@link #fireListener}, but its pulse
     * joins the pulses pending in the running event, so its chain runs next (depth first, before the next
     * branch of the event) on the explicit stack: error chains that fail again do not nest on the Java stack.
     */
    void fireInPlace(LiveNode node) {
        step(node, -1);
        if (tracing) {
            emit(new TraceEvent.NodeExecuted(now(), node.id, node.typeId, null, node.graph, 0));
        }
        if (node.firstPulseOutput >= 0) {
            node.fire(node.firstPulseOutput);
        }
    }

    /** Runs {@code task} (which may fire pulses through a node context) and then its chains. */
    void callback(Runnable task) {
        int base = sp;
        int mark = pending;
        task.run();
        flush(mark);
        drain(base);
    }

    void addPending(LiveNode node, int output) {
        if (pending == pendingNode.length) {
            pendingNode = Arrays.copyOf(pendingNode, pending * 2);
            pendingPin = Arrays.copyOf(pendingPin, pending * 2);
        }
        pendingNode[pending] = node;
        pendingPin[pending++] = output;
    }

    /** Moves pulses fired since {@code mark} onto the stack, first fired on top. */
    private void flush(int mark) {
        for (int i = pending - 1; i >= mark; i--) {
            push(pendingNode[i], pendingPin[i]);
            pendingNode[i] = null;
        }
        pending = mark;
    }

    /** Stacks a pulse leaving output {@code output} of {@code from}; it reaches its target when popped. */
    private void push(LiveNode from, int output) {
        if (sp == stackNode.length) {
            if (sp >= maxDepth) {
                throw new Unwind.Loop(
                        "runaway pulse loop: more than " + maxDepth + " pending pulses", from.target[output]);
            }
            stackNode = Arrays.copyOf(stackNode, Math.min(sp * 2, maxDepth));
            stackPin = Arrays.copyOf(stackPin, stackNode.length);
        }
        stackNode[sp] = from;
        stackPin[sp++] = output;
    }

    private void drain(int base) {
        while (sp > base) {
            LiveNode from = stackNode[--sp];
            stackNode[sp] = null;
            int output = stackPin[sp];
            LiveNode to = from.target[output];
            int pin = from.targetPin[output];
            if (tracing) {
                emit(new TraceEvent.Pulse(now(), from.outputLabel[output], to.inputLabel[pin]));
            }
            execute(to, pin);
        }
    }

    /** Counts a node execution against the event's budget; the debugger's pause point, when one is attached. */
    private void step(LiveNode node, int pin) {
        if (debug != null) {
            debug.beforeNode(node, pin, callDepth);
        }
        if (++steps > maxSteps) {
            throw new Unwind.Loop("runaway pulse loop: more than " + maxSteps + " node executions for one event", node);
        }
    }

    private void execute(LiveNode node, int pin) {
        step(node, pin);
        int mark = pending;
        long started = tracing ? clock.nanoTime() : 0;
        try {
            node.behaviour.run(node, pin);
        } catch (Unwind u) {
            if (tracing && u instanceof Unwind.Stop) {
                emit(new TraceEvent.NodeExecuted(
                        now(),
                        node.id,
                        node.typeId,
                        node.resolved.signature.inputs().get(pin).name(),
                        node.graph,
                        clock.nanoTime() - started));
            }
            throw u;
        } catch (Exception | LinkageError | AssertionError e) {
            Arrays.fill(pendingNode, mark, pending, null);
            pending = mark;
            run.nodeFailed(node, e); // may fire error listeners in place: their pulses are pending now
            flush(mark);
            return;
        }
        if (tracing) {
            long end = clock.nanoTime();
            emit(new TraceEvent.NodeExecuted(
                    end - startNanos,
                    node.id,
                    node.typeId,
                    node.resolved.signature.inputs().get(pin).name(),
                    node.graph,
                    end - started));
        }
        flush(mark);
    }

    /** Computes output {@code output} of a pure node. */
    Object pull(LiveNode node, int output) {
        if (++pullDepth > maxPullDepth) {
            throw new Unwind.Loop("data pulls nested deeper than " + maxPullDepth, node);
        }
        try {
            return node.behaviour.compute(node, output);
        } catch (Unwind | PullFailure u) {
            throw u;
        } catch (Exception e) {
            throw new PullFailure(node, e);
        } finally {
            pullDepth--;
        }
    }

    /**
     * Calls a function: sets its entry's outputs to {@code args}, runs its body to the end, and returns
     * what its Function Output nodes left in the frame (their zeros when none ran). A call that re-enters
     * a function already running (recursion) saves the outputs of the whole body and puts them back
     * afterwards, so the outer level reads its own values; otherwise only the entry's are saved.
     */
    Object[] call(LiveFunction function, Object[] args, LiveNode caller) {
        if (callDepth >= maxCallDepth) {
            throw new Unwind.Loop("function calls nested deeper than " + maxCallDepth, caller);
        }
        LiveNode entry = function.entry;
        Object[][] body = function.active > 0 ? function.saveOutputs() : null;
        Object[] saved = body == null ? entry.outputs.clone() : null;
        for (int i = 0; i < args.length; i++) {
            entry.outputs[function.argumentOutput[i]] = args[i];
        }
        Object[] results = function.zeroResults();
        frames.push(results);
        callers.push(caller);
        callDepth++;
        function.active++;
        try {
            fireListener(entry);
        } finally {
            function.active--;
            callDepth--;
            frames.pop();
            callers.pop();
            if (body != null) {
                function.restoreOutputs(body);
            } else {
                System.arraycopy(saved, 0, entry.outputs, 0, saved.length);
            }
        }
        return results;
    }

    /** The ids of the Call Function nodes of the calls in progress, outermost first. */
    java.util.List<String> callerIds() {
        java.util.List<String> ids = new java.util.ArrayList<>(callers.size());
        callers.descendingIterator().forEachRemaining(n -> ids.add(n.id));
        return ids;
    }

    /** The result array of the innermost call, or null outside functions. */
    Object[] currentFrame() {
        return frames.peek();
    }

    /** A pure node failed while being pulled; reported as the failure of the node that pulled. */
    static final class PullFailure extends RuntimeException {
        PullFailure(LiveNode node, Exception cause) {
            super("input from " + node.id + ": " + describe(cause), cause, false, false);
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
