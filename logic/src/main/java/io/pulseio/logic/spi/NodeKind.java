package io.pulseio.logic.spi;

/** How a node takes part in execution; derived from its pins. */
public enum NodeKind {
    /** No pulse input, a pulse output: fired by the runtime when something happens. */
    LISTENER,
    /** A pulse input: runs when a pulse arrives; its data outputs keep the values of its last run. */
    ACTION,
    /** No pulse pins: its data outputs are computed on demand each time an input pulls them. */
    PURE
}
