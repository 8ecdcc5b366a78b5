package io.pulseio.cli;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pulseio.logic.LoadResult;
import io.pulseio.logic.LoadedProject;
import io.pulseio.logic.ProjectRun;
import io.pulseio.logic.RunOptions;
import io.pulseio.logic.trace.JsonLinesTraceWriter;
import io.pulseio.logic.trace.TraceListener;
import io.pulseio.metrics.MetricsServer;
import io.pulseio.metrics.PulseioMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pulseio run PROJECT}: load, then run until Stop Project, the duration, or Ctrl-C. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Loads a project and runs it until a Stop Project node ends it (its exit code becomes "
                    + "the command's), the --duration elapses (exit 0), or Ctrl-C.",
            "Print nodes write to stdout; runtime errors are logged on stderr. An invalid project "
                    + "never starts: every problem is printed, as by 'pulseio validate'.",
            "Ctrl-C stops the run cleanly: connections are closed and the trace is flushed.",
            "--metrics serves Prometheus metrics of the run, its connections and its hosted servers "
                    + "(docs/operations.md)."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  N   the exit code of the Stop Project node that ended the run (0 by default)",
            "  0   the duration elapsed",
            "  64  usage error, unreadable project or unwritable trace file",
            "  69  the metrics port cannot be bound",
            "  65  the project has problems",
            "",
            "Examples (from the repository root):",
            "  pulseio run examples/hello/project.json",
            "  pulseio run examples/dashboard/project.json --duration 30s",
            "  pulseio run examples/hello/project.json \\",
            "      --trace run.jsonl && jq -c . run.jsonl",
            "  pulseio run examples/hello/project.json \\",
            "      --trace run.jsonl --trace-max-bytes 64K --max-events-without-input 1000",
            "  pulseio run examples/dashboard/project.json --duration 30s --metrics 0"
        })
final class RunCommand implements Callable<Integer> {
    /** The exit code a run stopped by Ctrl-C records in its trace (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (JSON).")
    Path project;

    @Option(
            names = "--duration",
            paramLabel = "D",
            description = "Stop the run (exit 0) after this long: 500ms, 10s, 2m, 1h.")
    Duration duration;

    @Option(
            names = "--trace",
            paramLabel = "FILE",
            description = "Write the trace to FILE as JSON Lines (see docs/trace-format.md); replaced if it exists.")
    Path trace;

    @Option(
            names = "--trace-max-bytes",
            paramLabel = "SIZE",
            converter = ByteSize.class,
            description = "With --trace: stop writing the trace at this size (a traceLimit record says so; the run "
                    + "goes on). Bytes, or with K, M or G (1024-based): 64K, 10M. Default: 256M.")
    Long traceMaxBytes;

    @Option(
            names = "--max-events-without-input",
            paramLabel = "N",
            description = "Cut off a run whose logic causes more than N events in a row with no input from "
                    + "outside (a loop error; see docs/trace-format.md). Default: 10000.")
    Integer maxEventsWithoutInput;

    @Mixin
    MetricsOption metrics = new MetricsOption();

    @Override
    public Integer call() {
        if (traceMaxBytes != null && trace == null) {
            throw new ParameterException(spec.commandLine(), "--trace-max-bytes needs --trace FILE");
        }
        if (maxEventsWithoutInput != null && maxEventsWithoutInput < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--max-events-without-input must be at least 1, was " + maxEventsWithoutInput);
        }
        boolean measured = metrics.enabled(spec.commandLine());
        ProjectFile file = ProjectFile.read(spec.commandLine(), project);
        LoadResult result = file.load();
        PrintWriter err = spec.commandLine().getErr();
        if (!result.isValid()) {
            file.printProblems(err, result.problems());
            return ExitCodes.INVALID_PROJECT;
        }
        LoadedProject loaded = result.project().orElseThrow();
        PrintWriter out = spec.commandLine().getOut();
        PrometheusMeterRegistry registry = measured ? MetricsOption.registry() : null;
        MetricsServer endpoint = registry == null ? null : metrics.start(registry, err);
        if (registry != null) {
            Metrics.addRegistry(registry); // the run's connections and hosted servers report there
        }
        try (TraceFile traceFile = TraceFile.open(
                spec.commandLine(),
                trace,
                traceMaxBytes == null ? JsonLinesTraceWriter.DEFAULT_MAX_BYTES : traceMaxBytes)) {
            RunOptions.Builder options = RunOptions.builder()
                    .trace(
                            registry == null
                                    ? traceFile.listener()
                                    : TraceListener.both(traceFile.listener(), PulseioMetrics.runtime(registry)))
                    .output(line -> {
                        out.println(line);
                        out.flush();
                    });
            if (maxEventsWithoutInput != null) {
                options.maxEventsWithoutInput(maxEventsWithoutInput);
            }
            ProjectRun run = loaded.start(options.build());
            if (registry != null) {
                PulseioMetrics.bind(run, registry);
            }
            try (Shutdown ctrlC = Shutdown.onSignal(() -> stopAndFlush(run, traceFile))) {
                return awaitEnd(run);
            } finally {
                stopAndFlush(run, traceFile);
                out.flush();
            }
        } finally {
            if (registry != null) {
                Metrics.removeRegistry(registry);
                endpoint.close();
            }
        }
    }

    /** A size in bytes: {@code 4096}, {@code 64K}, {@code 10M}, {@code 1G} (1024-based), at least 1. */
    static final class ByteSize implements picocli.CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.trim().toUpperCase(java.util.Locale.ROOT);
            long unit = 1;
            if (v.endsWith("K") || v.endsWith("M") || v.endsWith("G")) {
                unit = v.endsWith("K") ? 1L << 10 : v.endsWith("M") ? 1L << 20 : 1L << 30;
                v = v.substring(0, v.length() - 1);
            }
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a size: give bytes, or a number with K, M or G (e.g. 64K)");
            }
            if (n < 1 || n > Long.MAX_VALUE / unit) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a size of at least 1 byte");
            }
            return n * unit;
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
