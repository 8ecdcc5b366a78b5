package io.pulseio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.logic.NodeRegistry;
import io.pulseio.logic.Toolbox;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.protocol.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulseio nodes [--project P] [--json]}: the toolbox. */
@Command(
        name = "nodes",
        mixinStandardHelpOptions = true,
        description = {
            "Lists every node type of the installed plugins: id, name, category, scopes, attributes "
                    + "and pins (name, type, direction, default).",
            "With --project, only the plugins the project switches on are listed."
        },
        footerHeading = "%nJSON shape:%n",
        footer = {
            "  [{\"id\", \"name\", \"category\", \"plugin\", \"kind\", \"description\",",
            "    \"scopes\": [..],",
            "    \"attributes\": [{\"name\", \"type\", \"required\", \"default\"?, \"choices\"?,",
            "                    \"description\"}],",
            "    \"inputs\" and \"outputs\": [{\"name\", \"type\", \"direction\": \"in\"|\"out\",",
            "                              \"required\"?, \"default\"?, \"description\"?}]}]",
            "",
            "Examples (from the repository root):",
            "  pulseio nodes",
            "  pulseio nodes --project examples/hello/project.json",
            "  pulseio nodes --json | jq -r '.[] | .id'"
        })
final class NodesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--project", paramLabel = "P", description = "Honour this project's plugin switches.")
    Path project;

    @Option(names = "--json", description = "Print a JSON array instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        NodeRegistry registry = NodeRegistry.discover();
        Predicate<String> enabled = id -> true;
        if (project != null) {
            ProjectFile file = ProjectFile.read(spec.commandLine(), project);
            Map<String, Boolean> switches = file.switches();
            enabled = id -> switches.getOrDefault(id, Boolean.TRUE);
            String off = registry.plugins().stream()
                    .filter(Plugin::canBeDisabled)
                    .map(Plugin::id)
                    .filter(enabled.negate())
                    .collect(Collectors.joining(", "));
            if (!off.isEmpty()) {
                spec.commandLine().getErr().println("pulseio: switched off by " + project + ": " + off);
                spec.commandLine().getErr().flush();
            }
        }
        List<NodeDescriptor> toolbox = registry.toolbox(enabled);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? withDirections(Toolbox.json(toolbox)) + System.lineSeparator() : Toolbox.text(toolbox));
        out.flush();
        return ExitCodes.OK;
    }

    /** Toolbox JSON with each pin also naming its direction, so a pin read on its own says where it points. */
    static String withDirections(String toolboxJson) throws IOException {
        JsonNode types = Json.MAPPER.readTree(toolboxJson);
        for (JsonNode type : types) {
            mark(type.get("inputs"), "in");
            mark(type.get("outputs"), "out");
        }
        return Json.PRETTY.writeValueAsString(types);
    }

    private static void mark(JsonNode pins, String direction) {
        if (pins instanceof ArrayNode array) {
            for (JsonNode pin : array) {
                ((ObjectNode) pin).put("direction", direction);
            }
        }
    }
}
