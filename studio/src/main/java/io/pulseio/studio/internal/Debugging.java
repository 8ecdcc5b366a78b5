package io.pulseio.studio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.logic.debug.BreakCondition;
import io.pulseio.logic.debug.DebugListener;
import io.pulseio.logic.debug.Debugger;
import io.pulseio.logic.debug.NodeValues;
import io.pulseio.logic.debug.PausePoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The studio's debugger: the breakpoints the page set (kept across runs, applied to each run before its
 * first event), the run's {@link Debugger} while one runs, and the {@code debug} state pushed to the page
 * ({@code {state: "running"|"paused"|"stopped", at?, queueLength?, breakpoints}}). Thread-safe
 * (synchronized): commands come on the control thread, pauses on the run's logic thread, the queue's
 * length is read on the trace timer's thread.
 */
public final class Debugging {
    /** Values longer than this many characters are cut unless the page asks for the whole value. */
    static final int MAX_VALUE = 2000;

    private static final long VALUES_WAIT_SECONDS = 5;
    private final Map<String, ObjectNode> breakpoints = new LinkedHashMap<>();
    private final Consumer<ObjectNode> push;
    private Debugger debugger;
    private ObjectNode state = Json.MAPPER.createObjectNode().put("state", "stopped");
    private int lastQueueLength = -1;
    /** The run's own first pause (before its first event) may still be reported: it is not shown. */
    private boolean starting;

    /** {@code push} sends a {@code debug} state to the page; it may be called on any thread. */
    public Debugging(Consumer<ObjectNode> push) {
        this.push = push;
    }

    /**
     * What a run's start hands the debugger to. The run starts paused before its first event, for
     * {@link #attach} to set the breakpoints; that pause and the resume that ends it are not shown.
     */
    public synchronized DebugListener listener() {
        starting = true;
        return new DebugListener() {
            @Override
            public void paused(PausePoint at) {
                onPaused(at);
            }

            @Override
            public void resumed() {
                onResumed();
            }
        };
    }

    /**
     * Takes the debugger of a run that was started paused before its first event: applies the
     * breakpoints and lets it run. A breakpoint the project cannot take (its node is gone) is dropped
     * and said in the pushed state's {@code warnings}.
     */
    public synchronized void attach(Debugger attached) {
        debugger = attached;
        ArrayNode warnings = Json.MAPPER.createArrayNode();
        for (ObjectNode b : List.copyOf(breakpoints.values())) {
            try {
                apply(attached, b);
            } catch (IllegalArgumentException e) {
                warnings.add("breakpoint on " + b.path("node").asText() + " dropped: " + e.getMessage());
                breakpoints.remove(b.path("node").asText());
            }
        }
        state = Json.MAPPER.createObjectNode().put("state", "running");
        if (!warnings.isEmpty()) {
            state.set("warnings", warnings);
        }
        publish();
        attached.resume();
    }

    /** The run ended: nothing to control until the next. */
    public synchronized void detach() {
        debugger = null;
        state = Json.MAPPER.createObjectNode().put("state", "stopped");
        publish();
    }

    private static void apply(Debugger d, ObjectNode b) {
        JsonNode c = b.path("condition");
        BreakCondition condition = c.isObject() ? condition(c) : null;
        d.setBreakpoint(b.path("node").asText(), condition);
        if (!b.path("enabled").asBoolean(true)) {
            d.enableBreakpoint(b.path("node").asText(), false);
        }
    }

    private static BreakCondition condition(JsonNode c) {
        String op = c.path("op").asText("EQUALS").toUpperCase(Locale.ROOT);
        BreakCondition.Op parsed;
        try {
            parsed = BreakCondition.Op.valueOf(op);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown condition op '"
                    + c.path("op").asText() + "': one of EQUALS, NOT_EQUALS, CONTAINS, LESS_THAN, GREATER_THAN");
        }
        if (!c.path("input").isTextual() || c.path("input").asText().isEmpty()) {
            throw new IllegalArgumentException("a condition needs the input it reads ({\"input\": \"name\", ...})");
        }
        return new BreakCondition(
                c.path("input").asText(), parsed, c.path("value").asText(""));
    }

    /**
     * {@code breakpoint} {@code {node, enabled?, condition?: {input, op, value}}}: sets or replaces the
     * breakpoint before a node (on the running project too, checked by it).
     */
    public synchronized ObjectNode setBreakpoint(JsonNode args) {
        String node = args.path("node").asText("");
        if (node.isEmpty()) {
            return Runner.failure("needs {\"node\": \"<node id>\", \"enabled\"?, \"condition\"?}");
        }
        ObjectNode b = Json.MAPPER
                .createObjectNode()
                .put("node", node)
                .put("enabled", args.path("enabled").asBoolean(true));
        if (args.path("condition").isObject()) {
            b.set("condition", args.get("condition"));
        }
        try {
            if (b.has("condition")) {
                condition(b.get("condition"));
            }
            if (debugger != null) {
                apply(debugger, b);
            }
        } catch (IllegalArgumentException e) {
            return Runner.failure(e.getMessage());
        }
        breakpoints.put(node, b);
        publish();
        return answer();
    }

    /** {@code removeBreakpoint} {@code {node}}. */
    public synchronized ObjectNode removeBreakpoint(JsonNode args) {
        String node = args.path("node").asText("");
        if (breakpoints.remove(node) == null) {
            return Runner.failure("no breakpoint on '" + node + "'");
        }
        if (debugger != null) {
            debugger.removeBreakpoint(node);
        }
        publish();
        return answer();
    }

    /** {@code pause}, {@code resume}, {@code step}, {@code stepOver}, {@code stepOut}. */
    public synchronized ObjectNode control(String command) {
        if (debugger == null) {
            return Runner.failure("the project is not running");
        }
        switch (command) {
            case "pause" -> {
                starting = false;
                debugger.pause();
            }
            case "resume" -> debugger.resume();
            case "step" -> debugger.step();
            case "stepOver" -> debugger.stepOver();
            case "stepOut" -> debugger.stepOut();
            default -> throw new IllegalArgumentException("unknown debugger command " + command);
        }
        return answer();
    }

    /**
     * {@code values} {@code {node, full?}}: the node's data pins now, each {@code {pin, type, value?,
     * error?, truncated?, length?}}; values over {@link #MAX_VALUE} characters are cut unless
     * {@code full}.
     */
    public ObjectNode values(JsonNode args) {
        String node = args.path("node").asText("");
        Debugger d;
        synchronized (this) {
            d = debugger;
        }
        if (d == null) {
            return Runner.failure("the project is not running: values are read from a run");
        }
        NodeValues values;
        try {
            values = d.values(node).toCompletableFuture().get(VALUES_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            return Runner.failure(e.getMessage());
        } catch (TimeoutException e) {
            return Runner.failure("the run did not answer within " + VALUES_WAIT_SECONDS + " s (a node is busy)");
        } catch (ExecutionException e) {
            return Runner.failure("reading the values failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Runner.failure("interrupted");
        } catch (IllegalStateException e) {
            return Runner.failure("the run ended");
        }
        boolean full = args.path("full").asBoolean(false);
        ObjectNode out = Json.MAPPER
                .createObjectNode()
                .put("ok", true)
                .put("node", values.nodeId())
                .put("type", values.nodeType());
        pins(out.putArray("inputs"), values.inputs(), full);
        pins(out.putArray("outputs"), values.outputs(), full);
        return out;
    }

    private static void pins(ArrayNode out, List<NodeValues.PinValue> pins, boolean full) {
        for (NodeValues.PinValue p : pins) {
            ObjectNode o = out.addObject().put("pin", p.pin()).put("type", p.type());
            if (p.error() != null) {
                o.put("error", p.error());
            } else if (p.value() != null) {
                String text = p.value().toString();
                if (p.value() instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
                    text = String.valueOf(d.longValue());
                }
                if (!full && text.length() > MAX_VALUE) {
                    o.put("value", text.substring(0, MAX_VALUE))
                            .put("truncated", true)
                            .put("length", text.length());
                } else {
                    o.put("value", text);
                }
            }
        }
    }

    /** Called on the trace timer: pushes the queue's length while paused, when it changed. */
    public synchronized void tick() {
        if (debugger == null || !"paused".equals(state.path("state").asText())) {
            return;
        }
        int length = debugger.queueLength();
        if (length != lastQueueLength) {
            lastQueueLength = length;
            state.put("queueLength", length);
            publish();
        }
    }

    private synchronized void onPaused(PausePoint at) {
        if (starting && at.reason() == PausePoint.Reason.PAUSE && at.betweenEvents()) {
            // The run's own first pause: attach() resumes it, but when attach ran before the run
            // reached it, resume here (else the run would wait for ever).
            if (debugger != null) {
                debugger.resume();
            }
            return;
        }
        starting = false;
        state = Json.MAPPER.createObjectNode().put("state", "paused");
        ObjectNode where = state.putObject("at").put("reason", at.reason().name());
        if (!at.betweenEvents()) {
            where.put("node", at.nodeId()).put("type", at.nodeType()).put("graph", at.graph());
            if (at.pin() != null) {
                where.put("pin", at.pin());
            }
            if (at.function() != null) {
                where.put("function", at.function());
            }
            ArrayNode callers = where.putArray("callers");
            at.callers().forEach(callers::add);
        }
        if (at.scene() != null) {
            where.put("scene", at.scene());
        }
        lastQueueLength = at.queueLength();
        state.put("queueLength", at.queueLength());
        publish();
    }

    private synchronized void onResumed() {
        if (debugger != null && !starting) {
            state = Json.MAPPER.createObjectNode().put("state", "running");
            publish();
        }
    }

    /** The state with the breakpoints, as pushed. */
    public synchronized ObjectNode snapshot() {
        ObjectNode out = state.deepCopy();
        ArrayNode list = out.putArray("breakpoints");
        breakpoints.values().forEach(list::add);
        return out;
    }

    private ObjectNode answer() {
        return Json.MAPPER.createObjectNode().put("ok", true).setAll(snapshot());
    }

    private void publish() {
        push.accept(snapshot());
    }
}
