package io.pulseio.nodes.socketio.internal.shared;

import io.pulseio.logic.problem.ProblemKind;
import java.util.List;

/**
 * The problem kinds the Socket.IO plugin reports beside the runtime's own (declared through
 * {@code Plugin#problemKinds}). Immutable constants.
 */
public final class SocketIoProblems {
    /** A {@code configuration} or {@code server} attribute names no configured connection or server. */
    public static final ProblemKind UNKNOWN_CONNECTION = ProblemKind.of(
            "UNKNOWN_CONNECTION", "A configuration or server attribute names no configured connection or server.");
    /** Two connections (or two servers) share a name. */
    public static final ProblemKind DUPLICATE_CONNECTION =
            ProblemKind.of("DUPLICATE_CONNECTION", "Two connections or two servers share a name.");
    /** A connection URL that cannot be used. */
    public static final ProblemKind INVALID_URL =
            ProblemKind.of("INVALID_URL", "A connection URL that cannot be used.");
    /** A port outside 1..65535, or one two servers share. */
    public static final ProblemKind INVALID_PORT =
            ProblemKind.of("INVALID_PORT", "A port outside 1..65535, or one that two servers share.");

    /** Every kind above, in that order. */
    public static final List<ProblemKind> ALL =
            List.of(UNKNOWN_CONNECTION, DUPLICATE_CONNECTION, INVALID_URL, INVALID_PORT);

    private SocketIoProblems() {}
}
