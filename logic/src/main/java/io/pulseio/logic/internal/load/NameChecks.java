package io.pulseio.logic.internal.load;

import io.pulseio.logic.model.FunctionSpec;
import io.pulseio.logic.model.PortSpec;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.model.SceneSpec;
import io.pulseio.logic.model.VariableSpec;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Project-level names: scenes, functions, variables and function ports unique; the start scene exists. */
final class NameChecks {
    private final List<Problem> problems;

    NameChecks(List<Problem> problems) {
        this.problems = problems;
    }

    void check(ProjectSpec project) {
        Set<String> scenes = new HashSet<>();
        for (SceneSpec s : project.scenes()) {
            unique(scenes, s.name(), s.path() + ".name", "duplicate scene name '" + s.name() + "'");
        }
        Set<String> functions = new HashSet<>();
        for (FunctionSpec f : project.functions()) {
            unique(functions, f.name(), f.path() + ".name", "duplicate function name '" + f.name() + "'");
            ports(f, f.inputs(), "inputs", "out");
            ports(f, f.outputs(), "outputs", "in");
        }
        Set<String> variables = new HashSet<>();
        for (VariableSpec v : project.variables()) {
            unique(variables, v.name(), v.path() + ".name", "duplicate variable name '" + v.name() + "'");
        }
        String start = project.startScene();
        if (start != null && project.scene(start).isEmpty()) {
            problems.add(new Problem(
                    ProblemKind.UNKNOWN_SCENE,
                    "$.logic.startScene",
                    null,
                    null,
                    "start scene '" + start + "' is not a scene of this project"));
        }
    }

    /** Ports become pins next to a pulse pin ({@code out} on Function Input, {@code in} on Function Output). */
    private void ports(FunctionSpec f, List<PortSpec> ports, String field, String pulsePin) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            String name = ports.get(i).name();
            String path = f.path() + "." + field + "[" + i + "].name";
            if (name.equals(pulsePin) || name.equals("in") || name.equals("out")) {
                problems.add(new Problem(
                        ProblemKind.DUPLICATE_NAME,
                        path,
                        null,
                        name,
                        "function '" + f.name() + "' cannot name a port '" + name + "' (reserved for pulses)"));
                continue;
            }
            unique(
                    seen,
                    name,
                    path,
                    "duplicate " + field.substring(0, field.length() - 1) + " '" + name + "' in function '" + f.name()
                            + "'");
        }
    }

    private void unique(Set<String> seen, String name, String path, String message) {
        if (!seen.add(name)) {
            problems.add(new Problem(ProblemKind.DUPLICATE_NAME, path, null, null, message));
        }
    }
}
