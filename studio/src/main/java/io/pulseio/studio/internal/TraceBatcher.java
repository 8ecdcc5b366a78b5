package io.pulseio.studio.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.logic.trace.JsonLinesTraceWriter;
import io.pulseio.logic.trace.TraceEvent;
import io.pulseio.logic.trace.TraceListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers a run's trace and printed lines into batches for the page, so that a fast run costs the
 * page one message per window, not one per event: node executions become per node a count, the
 * last time ({@code t}) and the nanoseconds spent in the window ({@code ns}), pulses a count per link, and the other records (sent, received, connection,
 * scene, error, run start and stop, printed lines) are kept as they are, at most
 * {@link #MAX_EVENTS} per batch (more are counted as dropped). Payloads longer than
 * {@link #MAX_PAYLOAD} characters are cut, marked {@code "truncated": true}.
 *
 * <p>{@link #onEvent} and {@link #printed} are called on the run's logic thread, {@link #take} on
 * the timer thread; the two meet under this object's lock.
 */
public final class TraceBatcher implements TraceListener {
    static final int MAX_EVENTS = 500;
    static final int MAX_PAYLOAD = 2000;
    private final Map<String, ObjectNode> nodes = new LinkedHashMap<>();
    private final Map<String, Integer> pulses = new LinkedHashMap<>();
    private final List<ObjectNode> events = new ArrayList<>();
    private int dropped;

    @Override
    public synchronized void onEvent(TraceEvent event) {
        if (event instanceof TraceEvent.NodeExecuted n) {
            ObjectNode stat = nodes.computeIfAbsent(n.node(),
                    id -> Json.MAPPER.createObjectNode().put("count", 0).put("ns", 0L));
            stat.put("count", stat.get("count").asInt() + 1).put("t", n.t()).put("ns", stat.get("ns").asLong() + n.ns());
        } else if (event instanceof TraceEvent.Pulse p) {
            pulses.merge(p.from() + ">" + p.to(), 1, Integer::sum);
        } else if (events.size() < MAX_EVENTS) {
            events.add(record(event));
        } else {
            dropped++; // counted without being written out
        }
    }

    /** A line the run printed. */
    public synchronized void printed(String line) {
        add(Json.MAPPER.createObjectNode().put("kind", "print").put("line", cut(line)));
    }

    private void add(ObjectNode record) {
        if (events.size() < MAX_EVENTS) {
            events.add(record);
        } else {
            dropped++;
        }
    }

    private static ObjectNode record(TraceEvent event) {
        try {
            ObjectNode o = (ObjectNode) Json.MAPPER.readTree(JsonLinesTraceWriter.line(event));
            if (o.has("payload") && o.get("payload").asText().length() > MAX_PAYLOAD) {
                o.put("payload", cut(o.get("payload").asText())).put("truncated", true);
            }
            return o;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trace line is not JSON", e);
        }
    }

    private static String cut(String s) {
        return s.length() > MAX_PAYLOAD ? s.substring(0, MAX_PAYLOAD) : s;
    }

    /** The batch gathered since the last call, or null when nothing happened. */
    public synchronized ObjectNode take() {
        if (nodes.isEmpty() && pulses.isEmpty() && events.isEmpty() && dropped == 0) {
            return null;
        }
        ObjectNode batch = Json.MAPPER.createObjectNode();
        ObjectNode n = batch.putObject("nodes");
        nodes.forEach(n::set);
        ObjectNode p = batch.putObject("pulses");
        pulses.forEach(p::put);
        var e = batch.putArray("events");
        events.forEach(e::add);
        batch.put("dropped", dropped);
        nodes.clear();
        pulses.clear();
        events.clear();
        dropped = 0;
        return batch;
    }
}
