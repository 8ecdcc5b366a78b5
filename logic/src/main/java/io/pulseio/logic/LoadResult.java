package io.pulseio.logic;

import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.spi.Signature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of loading a project: either a runnable {@link LoadedProject} or every problem found.
 * Immutable.
 */
public final class LoadResult {
    private final LoadedProject project;
    private final List<Problem> problems;
    private final Map<String, Signature> signatures;

    private LoadResult(LoadedProject project, List<Problem> problems, Map<String, Signature> signatures) {
        this.project = project;
        this.problems = List.copyOf(problems);
        this.signatures = Collections.unmodifiableMap(new LinkedHashMap<>(signatures));
    }

    /** What the loader found, with the pins it worked out for each node. */
    static LoadResult of(LoadedProject project, List<Problem> problems, Map<String, Signature> signatures) {
        if (project == null && problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs problems");
        }
        return new LoadResult(project, project != null ? List.of() : problems, signatures);
    }

    /** A valid project. */
    public static LoadResult valid(LoadedProject project) {
        return new LoadResult(project, List.of(), Map.of());
    }

    /** An invalid project; {@code problems} is not empty. */
    public static LoadResult invalid(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs problems");
        }
        return new LoadResult(null, problems, Map.of());
    }

    /** True when there are no problems. */
    public boolean isValid() {
        return project != null;
    }

    /** Every problem, in the order of the places in the file they are about; empty when valid. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * The pins each node has, by node id in file order, as the loader worked them out from its type,
     * attributes and the project (a Sequence's {@code count}, a Send's {@code arguments}, a function's
     * ports, a variable's type): for every node whose type is known and usable here, also when the
     * project has problems; empty when the file did not parse or does not have a project's shape.
     * Unmodifiable.
     */
    public Map<String, Signature> signatures() {
        return signatures;
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
