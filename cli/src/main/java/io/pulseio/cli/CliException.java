package io.pulseio.cli;

/**
 * A command failed for a reason the user can act on: the message is printed on stderr as one line
 * and the command ends with {@link #exitCode()}. Never carries a stack trace to the user.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /** The project is invalid (65). */
    static CliException invalidProject(String message) {
        return new CliException(ExitCodes.INVALID_PROJECT, message);
    }

    /** A server could not be reached or did not answer (69). */
    static CliException unavailable(String message) {
        return new CliException(ExitCodes.UNAVAILABLE, message);
    }
}
