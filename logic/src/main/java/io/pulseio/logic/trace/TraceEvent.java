package io.pulseio.logic.trace;

/**
 * One thing that happened in a run. {@code t} is nanoseconds since the run started, on the run's
 * monotonic clock. Every record is an immutable value; {@link #kind()} is the name used in the
 * JSON Lines file ({@code docs/trace-format.md}).
 */
public sealed interface TraceEvent {

    long t();

    /** The record's name in the trace file. */
    String kind();

    /** The run started. */
    record RunStarted(long t, String project) implements TraceEvent {
        public String kind() {
            return "runStarted";
        }
    }

    /** The run stopped; nothing follows. */
    record RunStopped(long t, int exitCode) implements TraceEvent {
        public String kind() {
            return "runStopped";
        }
    }

    /**
     * A node executed: a listener fired, an action ran on pulse input {@code pin}.
     *
     * @param pin   the pulse input that triggered it; null for a listener
     * @param graph {@code project}, {@code scene:NAME} or {@code function:NAME}
     * @param ns    how long its behaviour took
     */
    record NodeExecuted(long t, String node, String nodeType, String pin, String graph, long ns)
            implements TraceEvent {
        public String kind() {
            return "node";
        }
    }

    /** A pulse went along a link, {@code from} and {@code to} as {@code nodeId.pin}. */
    record Pulse(long t, String from, String to) implements TraceEvent {
        public String kind() {
            return "pulse";
        }
    }

    /** The active scene changed; {@code from} null at the first scene. */
    record SceneChanged(long t, String from, String to) implements TraceEvent {
        public String kind() {
            return "scene";
        }
    }

    /** A plugin sent an event on a connection. */
    record EventSent(long t, String connection, String namespace, String name, String payload)
            implements TraceEvent {
        public String kind() {
            return "sent";
        }
    }

    /** A plugin received an event on a connection. */
    record EventReceived(long t, String connection, String namespace, String name, String payload)
            implements TraceEvent {
        public String kind() {
            return "received";
        }
    }

    /** A connection changed state ({@code detail} may be null). */
    record ConnectionChanged(long t, String connection, String state, String detail) implements TraceEvent {
        public String kind() {
            return "connection";
        }
    }

    /**
     * Something failed.
     *
     * @param source  {@code node} (a behaviour threw), {@code loop} (pulse or data loop cut off),
     *                {@code plugin} (reported by a plugin) or {@code runtime}
     * @param node    the node concerned, or null
     */
    record Error(long t, String source, String node, String nodeType, String message) implements TraceEvent {
        public String kind() {
            return "error";
        }
    }
}
