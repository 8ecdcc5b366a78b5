package io.pulseio.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** How failures reach the user: one line on stderr and an exit code. */
final class Errors {
    private Errors() {}

    /** Usage errors: picocli's message, a hint, exit 64. */
    static final class Usage implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            String unknown = unknownCommand(ex);
            err.println(cmd.getColorScheme().errorText(unknown != null ? unknown : ex.getMessage()));
            if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            err.flush();
            return ExitCodes.USAGE;
        }
    }

    /**
     * Failures while a command runs: a {@link CliException} prints its message and ends with its
     * code; anything else is an internal error (70), with the stack trace only when asked for.
     */
    static final class Failure implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
            PrintWriter err = cmd.getErr();
            boolean debug = debugRequested(parsed);
            if (ex instanceof CliException failure) {
                err.println("pulseio: " + failure.getMessage());
                if (debug && failure.getCause() != null) {
                    failure.getCause().printStackTrace(err);
                }
                err.flush();
                return failure.exitCode();
            }
            err.println("pulseio: internal error: " + describe(ex));
            if (debug) {
                ex.printStackTrace(err);
            } else {
                err.println("pulseio: run again with --verbose (or PULSEIO_DEBUG=1) for the stack trace");
            }
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }

    /**
     * {@code Unknown command: 'bogus' (commands: run, validate, …)} when the first word after a
     * command with subcommands names none of them; null for any other usage error.
     */
    static String unknownCommand(ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        if (!(ex instanceof UnmatchedArgumentException u)
                || cmd.getSubcommands().isEmpty()
                || u.getUnmatched().isEmpty()) {
            return null;
        }
        String word = u.getUnmatched().get(0);
        if (word.startsWith("-")) {
            return null;
        }
        return "Unknown command: '" + word + "' (commands: "
                + String.join(", ", cmd.getSubcommands().keySet()) + ")";
    }

    /** {@code --verbose} anywhere on the command line, or {@code PULSEIO_DEBUG=1}. */
    static boolean debugRequested(ParseResult parsed) {
        if ("1".equals(System.getenv("PULSEIO_DEBUG"))) {
            return true;
        }
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** {@code Type: message}, or just the type when there is no message. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getName()
                : e.getClass().getSimpleName() + ": " + message;
    }
}
