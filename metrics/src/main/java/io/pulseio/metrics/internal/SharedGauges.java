package io.pulseio.metrics.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges that several bindings feed: one {@link AtomicLong} per registry, meter name and tags, so
 * that two servers (or clients) bound under the same name add up instead of the second one's gauge
 * being ignored by the registry. Registries are held weakly.
 */
final class SharedGauges {
    private static final Map<MeterRegistry, Map<String, AtomicLong>> ALL = new WeakHashMap<>();

    private SharedGauges() {}

    static synchronized AtomicLong of(MeterRegistry registry, String name, Tags tags, String description) {
        Map<String, AtomicLong> mine = ALL.computeIfAbsent(registry, r -> new HashMap<>());
        return mine.computeIfAbsent(name + tags, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get)
                    .description(description)
                    .tags(tags)
                    .strongReference(true)
                    .register(registry);
            return value;
        });
    }
}
