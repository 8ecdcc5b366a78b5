package io.pulseio.cli;

import io.pulseio.logic.LoadResult;
import io.pulseio.logic.model.GraphSpec;
import io.pulseio.logic.model.ProjectSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pulseio validate PROJECT}: every problem of a project, or one OK line. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a project file and prints every problem on stderr, each with its JSON path, " + "node id and pin.",
            "Nothing is started and nothing touches the network."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   the project is valid (one OK line on stdout)",
            "  64  the file cannot be read",
            "  65  the project has problems",
            "",
            "Examples (from the repository root):",
            "  pulseio validate examples/hello/project.json",
            "  pulseio validate examples/hello/project.json \\",
            "      && pulseio run examples/hello/project.json",
            "  pulseio validate examples/dashboard/project.json 2>&1 \\",
            "      | grep '(TYPE_MISMATCH)$'"
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (JSON).")
    Path project;

    @Override
    public Integer call() {
        ProjectFile file = ProjectFile.read(spec.commandLine(), project);
        LoadResult result = file.load();
        if (!result.isValid()) {
            file.printProblems(spec.commandLine().getErr(), result.problems());
            return ExitCodes.INVALID_PROJECT;
        }
        ProjectSpec p = result.project().orElseThrow().spec();
        int nodes = p.graphs().stream().mapToInt(g -> g.nodes().size()).sum();
        long graphs = p.graphs().stream().filter(ValidateCommand::notEmpty).count();
        spec.commandLine()
                .getOut()
                .printf(
                        "OK %s: project '%s', %d %s in %d %s%n",
                        project,
                        p.name(),
                        nodes,
                        nodes == 1 ? "node" : "nodes",
                        graphs,
                        graphs == 1 ? "graph" : "graphs");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static boolean notEmpty(GraphSpec g) {
        return !g.nodes().isEmpty();
    }
}
