package io.pulseio.cli;

import io.pulseio.logic.LoadResult;
import io.pulseio.logic.LoadedProject;
import io.pulseio.logic.ProjectRun;
import io.pulseio.logic.RunOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pulseio run PROJECT}: load, then run until Stop Project, the duration, or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Loads a project and runs it until a Stop Project node ends it (its exit code becomes "
                + "the command's), the --duration elapses (exit 0), or Ctrl-C.",
                "Print nodes write to stdout; runtime errors are logged on stderr. An invalid project "
                        + "never starts: every problem is printed, as by 'pulseio validate'.",
                "Ctrl-C stops the run cleanly: connections are closed and the trace is flushed."},
        footerHeading = "%nExit codes:%n",
        footer = {"  N   the exit code of the Stop Project node that ended the run (0 by default)",
                "  0   the duration elapsed", "  64  usage error, unreadable project or unwritable trace file",
                "  65  the project has problems", "", "Examples (from the repository root):",
                "  pulseio run examples/hello/project.json",
                "  pulseio run examples/dashboard/project.json --duration 30s",
                "  pulseio run examples/hello/project.json --duration 500ms \\",
                "      --trace run.jsonl && jq -c . run.jsonl"})
final class RunCommand implements Callable<Integer> {
    /** The exit code a run stopped by Ctrl-C records in its trace (128 + SIGINT). */
    static final int INTERRUPTED = 130;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (JSON).")
    Path project;

    @Option(names = "--duration", paramLabel = "D",
            description = "Stop the run (exit 0) after this long: 500ms, 10s, 2m, 1h.")
    Duration duration;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Write the trace to FILE as JSON Lines (see docs/trace-format.md); replaced if it exists.")
    Path trace;

    @Override
    public Integer call() {
        ProjectFile file = ProjectFile.read(spec.commandLine(), project);
        LoadResult result = file.load();
        PrintWriter err = spec.commandLine().getErr();
        if (!result.isValid()) {
            file.printProblems(err, result.problems());
            return ExitCodes.INVALID_PROJECT;
        }
        LoadedProject loaded = result.project().orElseThrow();
        PrintWriter out = spec.commandLine().getOut();
        try (TraceFile traceFile = TraceFile.open(spec.commandLine(), trace)) {
            RunOptions options = RunOptions.builder()
                    .trace(traceFile.listener())
                    .output(line -> {
                        out.println(line);
                        out.flush();
                    })
                    .build();
            ProjectRun run = loaded.start(options);
            try (Shutdown ctrlC = Shutdown.onSignal(() -> stopAndFlush(run, traceFile))) {
                return awaitEnd(run);
            } finally {
                stopAndFlush(run, traceFile);
                out.flush();
            }
        }
    }

    private int awaitEnd(ProjectRun run) {
        try {
            if (duration == null) {
                return run.exitCode().toCompletableFuture().get();
            }
            try {
                return run.exitCode().toCompletableFuture().get(duration.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException elapsed) {
                run.stop(ExitCodes.OK);
                return run.awaitExit(STOP_WAIT);
            }
        } catch (InterruptedException e) {
            run.stop(INTERRUPTED);
            return INTERRUPTED;
        } catch (ExecutionException | TimeoutException e) {
            throw new CliException(ExitCodes.INTERNAL, "the run did not stop cleanly: " + Errors.describe(e), e);
        }
    }

    /** Stops the run (if still running), waits for connections to close and the trace to flush. */
    private static void stopAndFlush(ProjectRun run, TraceFile traceFile) {
        if (!run.isStopped()) {
            run.stop(INTERRUPTED);
            try {
                run.awaitExit(STOP_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (TimeoutException e) {
                // give up waiting; the trace holds what was written so far
            }
        }
        traceFile.close();
    }
}
