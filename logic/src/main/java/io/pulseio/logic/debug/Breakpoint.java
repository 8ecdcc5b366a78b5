package io.pulseio.logic.debug;

import java.util.Objects;

/**
 * A breakpoint before a node: the run pauses just before the node runs (an action on any pulse input,
 * a listener when it fires), when enabled and its condition holds.
 *
 * @param nodeId    the node
 * @param enabled   whether it pauses at all
 * @param condition when it pauses; null: every time
 */
public record Breakpoint(String nodeId, boolean enabled, BreakCondition condition) {

    public Breakpoint {
        Objects.requireNonNull(nodeId, "nodeId");
    }
}
