package io.pulseio.logic;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading a project: either a runnable {@link LoadedProject} or every problem found.
 * Immutable.
 */
public final class LoadResult {
    private final LoadedProject project;
    private final List<Problem> problems;

    private LoadResult(LoadedProject project, List<Problem> problems) {
        this.project = project;
        this.problems = List.copyOf(problems);
    }

    /** A valid project. */
    public static LoadResult valid(LoadedProject project) {
        return new LoadResult(project, List.of());
    }

    /** An invalid project; {@code problems} is not empty. */
    public static LoadResult invalid(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs problems");
        }
        return new LoadResult(null, problems);
    }

    /** True when there are no problems. */
    public boolean isValid() {
        return project != null;
    }

    /** Every problem, in the order of the places in the file they are about; empty when valid. */
    public List<Problem> problems() {
        return problems;
    }

    /** The project when valid. */
    public Optional<LoadedProject> project() {
        return Optional.ofNullable(project);
    }

    /** The project; throws {@link InvalidProjectException} listing the problems when invalid. */
    public LoadedProject orThrow() {
        if (project == null) {
            throw new InvalidProjectException(problems);
        }
        return project;
    }
}
