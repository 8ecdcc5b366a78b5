package io.pulseio.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code pulseio} command: only subcommands, help and version. */
@Command(
        name = "pulseio",
        mixinStandardHelpOptions = true,
        versionProvider = PulseioCommand.Version.class,
        description = "Runs visual-logic Socket.IO projects, and talks to or hosts Socket.IO servers.",
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            NodesCommand.class,
            PluginsCommand.class,
            EmitCommand.class,
            ListenCommand.class,
            ServeCommand.class,
            EditCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   ok",
            "  64  usage error (bad arguments or options)",
            "  65  invalid project",
            "  69  server unreachable, refused, or no answer in time",
            "  70  internal error",
            "",
            "Examples (from the repository root):",
            "  pulseio validate examples/hello/project.json",
            "  pulseio run examples/hello/project.json --duration 10s \\",
            "      --trace hello.trace.jsonl",
            "  pulseio emit http://localhost:3000 chat hello --ack",
            "  pulseio serve --port 3000 --echo",
            "",
            "'pulseio COMMAND --help' describes a command."
        })
final class PulseioCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "More diagnostics on stderr, and stack traces of internal errors "
                    + "(as does the environment variable PULSEIO_DEBUG=1).")
    boolean verbose;

    /** Without a command: the usage on stderr, and a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return ExitCodes.USAGE;
    }

    /** The version from the build ({@code io/pulseio/cli/version.properties}, filtered by Maven). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "pulseio " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
            };
        }

        static String version() {
            Properties p = new Properties();
            try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // fall through to "unknown"
            }
            String v = p.getProperty("version", "");
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        }
    }
}
