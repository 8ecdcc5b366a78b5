package io.pulseio.admin.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counts what happened, per second and kind, between two {@code server_stats}: the UI's
 * {@code aggregatedEvents} ({@code rawConnection}, {@code rawDisconnection} by reason,
 * {@code packetsIn}, {@code packetsOut}, {@code bytesIn}, {@code bytesOut}). Thread-safe; adding
 * takes no lock. The four message counters, added to for every message, are plain adders
 * reported under the second of the drain (the UI sums them into 10-second buckets anyway); the
 * rest is kept per second.
 */
final class EventBuffer {
    private record Key(long second, String type, String subType) {}

    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder packetsIn = new LongAdder();
    private final LongAdder packetsOut = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongSupplier clock;

    EventBuffer(LongSupplier clock) {
        this.clock = clock;
    }

    void add(String type, String subType, long count) {
        long second = clock.getAsLong() / 1000 * 1000;
        counts.computeIfAbsent(new Key(second, type, subType), k -> new LongAdder())
                .add(count);
    }

    void add(String type) {
        add(type, null, 1);
    }

    void received(int bytes) {
        packetsIn.increment();
        bytesIn.add(bytes);
    }

    void sent(int bytes) {
        packetsOut.increment();
        bytesOut.add(bytes);
    }

    /** The counts since the last call, as the UI reads them, and starts over. */
    ArrayNode drain() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        long second = clock.getAsLong() / 1000 * 1000;
        drainInto(out, second, "packetsIn", packetsIn);
        drainInto(out, second, "packetsOut", packetsOut);
        drainInto(out, second, "bytesIn", bytesIn);
        drainInto(out, second, "bytesOut", bytesOut);
        Iterator<Map.Entry<Key, LongAdder>> it = counts.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, LongAdder> e = it.next();
            it.remove();
            ObjectNode item = out.addObject();
            item.put("timestamp", e.getKey().second());
            item.put("type", e.getKey().type());
            if (e.getKey().subType() != null) {
                item.put("subType", e.getKey().subType());
            }
            item.put("count", e.getValue().sum());
        }
        return out;
    }

    private static void drainInto(ArrayNode out, long second, String type, LongAdder adder) {
        long count = adder.sumThenReset();
        if (count != 0) {
            out.addObject().put("timestamp", second).put("type", type).put("count", count);
        }
    }
}
