package io.pulseio.logic.model;

import java.util.Locale;

/**
 * The type of a pin, attribute or variable.
 *
 * <p>Runtime values: {@code STRING} is a {@link String}; {@code NUMBER} a {@link Double};
 * {@code BOOLEAN} a {@link Boolean}; {@code JSON} the JSON text as a {@link String} (so a received
 * message can flow straight into a JSON input); {@code ANY} any of those. {@code PULSE} carries no value.
 */
public enum PinType {
    PULSE,
    STRING,
    NUMBER,
    BOOLEAN,
    JSON,
    ANY;

    /** The name used in project files and the toolbox: {@code "number"}, {@code "pulse"} ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}; returns {@code null} for an unknown name. */
    public static PinType fromId(String id) {
        for (PinType t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Whether an output of this type may be linked to an input of type {@code to}. Pulses link only
     * to pulses; an {@code ANY} input takes any data (and an {@code ANY} output feeds any data input,
     * converted when read); a {@code STRING} input takes every data type, read as its text (a whole
     * number without {@code .0}, {@code true}/{@code false}, JSON as its JSON text); a {@code JSON}
     * input takes strings (JSON is text).
     */
    public boolean canFeed(PinType to) {
        if (this == to) {
            return true;
        }
        if (this == PULSE || to == PULSE) {
            return false;
        }
        if (to == ANY || this == ANY || to == STRING) {
            return true;
        }
        return this == STRING && to == JSON;
    }

    /** The value an unset data pin of this type holds: "", 0.0, false, "null"; null for pulses and ANY. */
    public Object zero() {
        return switch (this) {
            case STRING -> "";
            case NUMBER -> 0.0;
            case BOOLEAN -> Boolean.FALSE;
            case JSON -> "null";
            case PULSE, ANY -> null;
        };
    }
}
