package io.pulseio.cli;

/** The exit codes of the {@code pulseio} command (sysexits.h numbering). */
final class ExitCodes {
    /** Done. */
    static final int OK = 0;
    /** Bad arguments or options. */
    static final int USAGE = 64;
    /** The project file has problems. */
    static final int INVALID_PROJECT = 65;
    /** A server could not be reached, refused us, or did not answer in time. */
    static final int UNAVAILABLE = 69;
    /** A bug or an unexpected failure. */
    static final int INTERNAL = 70;

    private ExitCodes() {}
}
