package io.pulseio.cli;

import java.time.Duration;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The {@code pulseio} command. Exit codes: 0 ok, 64 usage, 65 invalid project, 69 unreachable
 * service, 70 internal error (a command may also end with a project's own Stop Project code).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        configureLogging(args);
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line: converters, usage-error (64) and failure (65/69/70) handling.
     * Tests call {@link CommandLine#execute} on it after {@code setOut}/{@code setErr}.
     */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new PulseioCommand());
        cmd.registerConverter(Duration.class, new Durations());
        cmd.setParameterExceptionHandler(new Errors.Usage());
        cmd.setExecutionExceptionHandler(new Errors.Failure());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionStrategy(Main::execute);
        return cmd;
    }

    /**
     * Runs the last command of the line, as picocli does, except that arguments nobody matched are a
     * usage error even when {@code --help} is among them ({@code pulseio bogus --help} exits 64).
     */
    private static int execute(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.subcommand() != null) {
            last = last.subcommand();
        }
        if (!last.unmatched().isEmpty()) {
            throw new CommandLine.UnmatchedArgumentException(last.commandSpec().commandLine(), last.unmatched());
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** slf4j-simple reads its level once: raise it before any logger exists when --verbose is given. */
    private static void configureLogging(String[] args) {
        String key = "org.slf4j.simpleLogger.defaultLogLevel";
        if (System.getProperty(key) == null && Arrays.asList(args).contains("--verbose")) {
            System.setProperty(key, "info");
        }
    }
}
