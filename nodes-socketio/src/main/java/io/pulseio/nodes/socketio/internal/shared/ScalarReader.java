package io.pulseio.nodes.socketio.internal.shared;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.problem.ProblemKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * The scalar readers shared by the parts of the {@code socketio} settings section: each reports a problem
 * with its JSON path and an exact message, and counts problems so a reader can tell whether an entry was
 * clean. Numbers and booleans may also be written as strings, so that {@code ${env:NAME}} values work.
 */
public final class ScalarReader {
    /** Where problems go. */
    @FunctionalInterface
    public interface Sink {
        void report(ProblemKind kind, String path, String message);
    }

    private final Sink sink;
    private int problems;

    public ScalarReader(Sink sink) {
        this.sink = sink;
    }

    /** Reports a problem. */
    public void report(ProblemKind kind, String path, String message) {
        problems++;
        sink.report(kind, path, message);
    }

    /** Problems reported so far: compare before and after reading an entry. */
    public int problems() {
        return problems;
    }

    /** Reports each field of {@code object} not in {@code known} as {@code unknown WHAT 'FIELD'}. */
    public void unknownFields(JsonNode object, String p, Set<String> known, String what) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                report(ProblemKind.INVALID_SETTING, p + "." + f, "unknown " + what + " '" + f + "'");
            }
        }
    }

    /** A required entry name. */
    public String name(JsonNode v, String p) {
        if (v == null) {
            report(ProblemKind.INVALID_SETTING, p, "name is required");
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            report(ProblemKind.INVALID_SETTING, p, "name must be a non-empty string, was " + v);
            return null;
        }
        return v.textValue();
    }

    /** An Engine.IO path, {@code fallback} when absent; null after a problem. */
    public String enginePath(JsonNode v, String p, String fallback) {
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual() || !v.textValue().startsWith("/")) {
            report(ProblemKind.INVALID_SETTING, p, "path must be a string starting with /, was " + v);
            return null;
        }
        return v.textValue();
    }

    /** A readable file's path, null when absent or after a problem. */
    public String file(JsonNode v, String p, String what) {
        if (v == null) {
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            report(ProblemKind.INVALID_SETTING, p, what + " must be a file path, was " + v);
            return null;
        }
        Path file = Path.of(v.textValue());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            report(ProblemKind.INVALID_SETTING, p, what + " is not a readable file: " + v.textValue());
            return null;
        }
        return v.textValue();
    }

    public long millis(JsonNode v, String p, String what, long fallback) {
        if (v == null) {
            return fallback;
        }
        Long value = integer(v);
        if (value == null || value < 1) {
            report(ProblemKind.INVALID_SETTING, p, what + " must be a positive number of milliseconds, was " + v);
            return fallback;
        }
        return value;
    }

    public int count(JsonNode v, String p, String what, int fallback) {
        if (v == null) {
            return fallback;
        }
        Long value = integer(v);
        if (value == null || value < 0 || value > Integer.MAX_VALUE) {
            report(ProblemKind.INVALID_SETTING, p, what + " must be an integer >= 0, was " + v);
            return fallback;
        }
        return value.intValue();
    }

    public boolean bool(JsonNode v, String p, String what, boolean fallback) {
        if (v == null) {
            return fallback;
        }
        Boolean value = booleanOrNull(v);
        if (value == null) {
            report(ProblemKind.INVALID_SETTING, p, what + " must be true or false, was " + v);
            return fallback;
        }
        return value;
    }

    /** {@code true}/{@code false}, as JSON or as a string; null otherwise. */
    public static Boolean booleanOrNull(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) {
            return Boolean.parseBoolean(v.textValue());
        }
        return null;
    }

    /** A whole number written as a JSON number or a string; null otherwise. */
    public static Long integer(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && Math.abs(v.doubleValue()) < 1e15) {
            return (long) v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A number written as a JSON number or a string; null otherwise. */
    public static Double decimal(JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Double.valueOf(v.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The text of a string node; null for anything else. */
    public static String text(JsonNode v) {
        return v != null && v.isTextual() ? v.textValue() : null;
    }
}
