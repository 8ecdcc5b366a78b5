package io.pulseio.logic.internal.run;

/**
 * Abandons the current event: thrown through node behaviours (which must not swallow it) up to the
 * event loop. No stack trace: it is control flow.
 */
class Unwind extends RuntimeException {
    Unwind(String message) {
        super(message, null, false, false);
    }

    /** A guard tripped: a runaway pulse loop, too deep a pull or call chain. */
    static final class Loop extends Unwind {
        final String nodeId;
        final String typeId;

        Loop(String message, LiveNode node) {
            super(message);
            this.nodeId = node == null ? null : node.id;
            this.typeId = node == null ? null : node.typeId;
        }
    }

    /** Stop Project ran: nothing more runs in this event. */
    static final class Stop extends Unwind {
        Stop() {
            super("stop");
        }
    }
}
