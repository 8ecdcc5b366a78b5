package io.pulseio.cli;

import io.pulseio.logic.NodeRegistry;
import io.pulseio.logic.spi.Plugin;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pulseio plugins PROJECT [--enable ID | --disable ID]}: the plugin switches of a project. */
@Command(
        name = "plugins",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the installed plugins and whether the project switches each on or off; with "
                    + "--enable or --disable, rewrites that switch in the project file.",
            "Only the switch changes: the rest of the file is kept as it is. The change takes effect "
                    + "the next time the project is loaded (a running project is not affected).",
            "The core plugin cannot be switched off."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   listed, or switch written",
            "  64  usage error, unknown plugin, or unreadable file",
            "  65  the project file is not JSON",
            "",
            "Examples (from the repository root):",
            "  pulseio plugins examples/hello/project.json",
            "  pulseio plugins examples/hello/project.json --disable socketio",
            "  pulseio plugins examples/hello/project.json --enable socketio"
        })
final class PluginsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (JSON).")
    Path project;

    @ArgGroup(exclusive = true)
    Change change;

    static final class Change {
        @Option(
                names = "--enable",
                paramLabel = "ID",
                required = true,
                description = "Switch the plugin on in the project file.")
        String enable;

        @Option(
                names = "--disable",
                paramLabel = "ID",
                required = true,
                description = "Switch the plugin off in the project file.")
        String disable;
    }

    @Override
    public Integer call() {
        ProjectFile file = ProjectFile.read(spec.commandLine(), project);
        Map<String, Boolean> switches = file.switches();
        NodeRegistry registry = NodeRegistry.discover();
        if (change == null) {
            list(registry, switches);
        } else {
            boolean enabled = change.enable != null;
            rewrite(file, registry, switches, enabled ? change.enable : change.disable, enabled);
        }
        return ExitCodes.OK;
    }

    private void list(NodeRegistry registry, Map<String, Boolean> switches) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-12s %-16s %5s  %s%n", "PLUGIN", "STATE", "NODES", "NAME");
        for (Plugin p : registry.plugins()) {
            String state = !p.canBeDisabled()
                    ? "always enabled"
                    : switches.getOrDefault(p.id(), Boolean.TRUE) ? "enabled" : "disabled";
            out.printf("%-12s %-16s %5d  %s%n", p.id(), state, p.nodeTypes().size(), p.displayName());
        }
        switches.forEach((id, on) -> {
            if (registry.plugin(id).isEmpty()) {
                out.printf("%-12s %-16s %5s  %s%n", id, on ? "enabled" : "disabled", "-", "(not installed)");
            }
        });
        out.flush();
    }

    private void rewrite(
            ProjectFile file, NodeRegistry registry, Map<String, Boolean> switches, String id, boolean enabled) {
        Plugin plugin = registry.plugin(id).orElse(null);
        if (plugin == null && !switches.containsKey(id)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Unknown plugin '" + id + "': installed plugins are "
                            + registry.plugins().stream().map(Plugin::id).collect(Collectors.joining(", ")));
        }
        if (plugin != null && !plugin.canBeDisabled()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "The " + id + " plugin is always enabled and " + "cannot be switched " + (enabled ? "on" : "off"));
        }
        PrintWriter out = spec.commandLine().getOut();
        String word = enabled ? "enabled" : "disabled";
        if (switches.getOrDefault(id, Boolean.TRUE) == enabled && (enabled || switches.containsKey(id))) {
            out.println("Plugin '" + id + "' is already " + word + " in " + file.path() + "; nothing changed.");
            out.flush();
            return;
        }
        try {
            write(file.path(), PluginSwitchEditor.set(file.text(), id, enabled));
        } catch (IOException e) {
            throw new CliException(ExitCodes.INTERNAL, "cannot rewrite " + file.path() + ": " + Errors.describe(e), e);
        }
        out.println("Plugin '" + id + "' " + word + " in " + file.path()
                + "; this takes effect the next time the project is loaded.");
        out.flush();
    }

    /** Writes next to the file, then moves over it: a crash never leaves half a project. */
    private static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
