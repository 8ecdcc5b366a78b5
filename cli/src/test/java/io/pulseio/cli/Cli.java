package io.pulseio.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the pulseio command in-process with captured stdout and stderr. */
final class Cli {
    private Cli() {}

    record Result(int exitCode, String out, String err) {}

    /** A running command whose output can be read while it runs. */
    static final class Live {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cmd = Main.commandLine();

        Live() {
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
        }

        int execute(String... args) {
            return cmd.execute(args);
        }
    }

    static Result run(String... args) {
        Live live = new Live();
        int code = live.execute(args);
        return new Result(code, live.out.toString(), live.err.toString());
    }

    /** A test project from {@code io/pulseio/cli/projects/}. */
    static Path project(String name) {
        try {
            return Path.of(Cli.class.getResource("projects/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
