package io.pulseio.logic.problem;

import java.util.Objects;

/**
 * One problem found while loading a project.
 *
 * @param kind    what is wrong
 * @param path    JSON path of the offending element, e.g. {@code $.logic.scenes[0].links[2]}
 * @param nodeId  the node concerned; null when no node is
 * @param pin     the pin or attribute concerned (an attribute when the path is the node's
 *                {@code attributes} or one of them, see {@link #isAttribute()}); null when none is
 * @param message the exact human-readable message, without the location
 */
public record Problem(ProblemKind kind, String path, String nodeId, String pin, String message) {

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** True when {@link #pin} names an attribute rather than a pin. */
    public boolean isAttribute() {
        return pin != null && (path.endsWith(".attributes") || path.endsWith(".attributes." + pin));
    }

    /** {@code $.path [node n, pin p]: message} ({@code attribute a} for an attribute) — the form the CLI prints. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(path);
        if (nodeId != null || pin != null) {
            b.append(" [");
            if (nodeId != null) {
                b.append("node ").append(nodeId);
            }
            if (pin != null) {
                b.append(nodeId != null ? ", " : "")
                        .append(isAttribute() ? "attribute " : "pin ")
                        .append(pin);
            }
            b.append(']');
        }
        return b.append(": ").append(message).toString();
    }
}
