package io.pulseio.logic.spi;

import io.pulseio.logic.model.PinType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node's attribute values after defaults are applied, as runtime values (see {@link PinType}).
 * Immutable and thread-safe.
 */
public final class Attributes {
    private static final Attributes EMPTY = new Attributes(Map.of());
    private final Map<String, Object> values;

    private Attributes(Map<String, Object> values) {
        this.values = values;
    }

    /** Attributes holding a copy of {@code values}; null values are not allowed. */
    public static Attributes of(Map<String, ?> values) {
        return values.isEmpty() ? EMPTY : new Attributes(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    public static Attributes empty() {
        return EMPTY;
    }

    /** The value, or null when the attribute is absent. */
    public Object get(String name) {
        return values.get(name);
    }

    /** The value as text (numbers without a trailing {@code .0}); null when absent. */
    public String string(String name) {
        Object v = values.get(name);
        return v == null ? null : Values.text(v);
    }

    /** The value as a number; {@code fallback} when absent or not a number. */
    public double number(String name, double fallback) {
        return values.get(name) instanceof Double d ? d : fallback;
    }

    /** The value as a boolean; {@code fallback} when absent or not a boolean. */
    public boolean bool(String name, boolean fallback) {
        return values.get(name) instanceof Boolean b ? b : fallback;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes a && a.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
