package io.pulseio.logic;

import io.pulseio.logic.problem.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link LoadResult#orThrow()}: the project has problems and cannot start. */
public final class InvalidProjectException extends RuntimeException {
    private final transient List<Problem> problems;

    public InvalidProjectException(List<Problem> problems) {
        super(problems.size() + " problem(s):\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
