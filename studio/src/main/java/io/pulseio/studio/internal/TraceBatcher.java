package io.pulseio.studio.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.logic.trace.JsonLinesTraceWriter;
import io.pulseio.logic.trace.TraceEvent;
import io.pulseio.logic.trace.TraceListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers a run's trace and printed lines into batches for the page, so that a fast run costs the
 * page one message per window, not one per event: node executions become per node a count, the
 * last time ({@code t}) and the nanoseconds spent in the window ({@code ns}), pulses a count per
 * link, and the other records (sent, received, connection, scene, error, run start and stop,
 * printed lines) are kept as they are, in order, at most {@link #MAX_PER_KIND} of each kind per
 * batch (more are counted as dropped): a flood of messages does not push a connection's state
 * change or an error out of the batch. Payloads longer than {@link #MAX_PAYLOAD} characters are
 * cut, marked {@code "truncated": true}.
 *
 * <p>{@link #onEvent} and {@link #printed} are called on the run's logic thread and only count and
 * keep the record; {@link #take} (the timer thread) turns the window's records into JSON. The two
 * meet under this object's lock.
 */
public final class TraceBatcher implements TraceListener {
    static final int MAX_PER_KIND = 100;
    static final int MAX_PAYLOAD = 2000;
    private Map<String, NodeStat> nodes = new LinkedHashMap<>();
    private Map<String, Integer> pulses = new LinkedHashMap<>();
    /** The window's records: {@link TraceEvent}s and printed lines ({@link String}). */
    private List<Object> events = new ArrayList<>();

    private final Map<String, Integer> kept = new HashMap<>();
    private int dropped;

    private static final class NodeStat {
        int count;
        long t;
        long ns;
    }

    @Override
    public synchronized void onEvent(TraceEvent event) {
        if (event instanceof TraceEvent.NodeExecuted n) {
            NodeStat stat = nodes.computeIfAbsent(n.node(), id -> new NodeStat());
            stat.count++;
            stat.t = n.t();
            stat.ns += n.ns();
        } else if (event instanceof TraceEvent.Pulse p) {
            pulses.merge(p.from() + ">" + p.to(), 1, Integer::sum);
        } else {
            keep(event.kind(), event);
        }
    }

    /** A line the run printed. */
    public synchronized void printed(String line) {
        keep("print", line);
    }

    private void keep(String kind, Object record) {
        int n = kept.merge(kind, 1, Integer::sum);
        if (n <= MAX_PER_KIND) {
            events.add(record);
        } else {
            dropped++; // counted without being written out
        }
    }

    private static ObjectNode record(Object kept) {
        if (kept instanceof String line) {
            return Json.MAPPER.createObjectNode().put("kind", "print").put("line", cut(line));
        }
        try {
            ObjectNode o = (ObjectNode) Json.MAPPER.readTree(JsonLinesTraceWriter.line((TraceEvent) kept));
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
    public ObjectNode take() {
        Map<String, NodeStat> takenNodes;
        Map<String, Integer> takenPulses;
        List<Object> takenEvents;
        int takenDropped;
        synchronized (this) {
            if (nodes.isEmpty() && pulses.isEmpty() && events.isEmpty() && dropped == 0) {
                return null;
            }
            takenNodes = nodes;
            takenPulses = pulses;
            takenEvents = events;
            takenDropped = dropped;
            nodes = new LinkedHashMap<>();
            pulses = new LinkedHashMap<>();
            events = new ArrayList<>();
            kept.clear();
            dropped = 0;
        }
        ObjectNode batch = Json.MAPPER.createObjectNode();
        ObjectNode n = batch.putObject("nodes");
        takenNodes.forEach((id, stat) ->
                n.putObject(id).put("count", stat.count).put("ns", stat.ns).put("t", stat.t));
        ObjectNode p = batch.putObject("pulses");
        takenPulses.forEach(p::put);
        var e = batch.putArray("events");
        takenEvents.forEach(record -> e.add(record(record)));
        batch.put("dropped", takenDropped);
        return batch;
    }
}
