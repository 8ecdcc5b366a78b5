package io.pulseio.bench.runtime;

import io.pulseio.logic.LoadResult;
import io.pulseio.logic.LoadedProject;
import io.pulseio.logic.NodeRegistry;
import io.pulseio.logic.ProjectLoader;
import io.pulseio.logic.ProjectRun;
import io.pulseio.logic.RunOptions;
import io.pulseio.logic.trace.TraceEvent;
import io.pulseio.logic.trace.TraceListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Executor throughput: node executions per second on the one logic thread of a run.
 *
 * <p>One operation is one event: the benchmark fires {@code bench.onCommand}, whose chain enters a
 * {@code bench.loop} that runs a body of {@link #LENGTH} cheap nodes {@link #TIMES} times, all within
 * that one event, and waits until the run is idle. That is {@link #EXECUTIONS} node executions (the
 * listener, the loop's entry, then per round the body and the loop's {@code next}), as the trace counts
 * them; {@link #setUp} checks that count on a traced run before measuring. The cost of handing the event
 * to the logic thread and waiting for idle (tens of µs) is spread over ~100 000 executions.
 *
 * <p>Bodies ({@link #chain}):
 * <ul>
 *   <li>{@code sequence}: Sequence nodes with one output, the cheapest pulse step;
 *   <li>{@code mixed}: Sequence, Branch on a constant, Set Variable from a Math node (same value each
 *       time, so no change event), Branch on a Compare of a Get Variable with a constant; per four
 *       executions three computed nodes are pulled;
 *   <li>{@code counter}: Set Variable {@code n = n + 1} (Math of Get Variable): every execution changes
 *       the variable, which queues an On Variable Change event even though nothing listens to it.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExecutorBenchmark {
    static final int LENGTH = 100;
    static final int TIMES = 1000;
    /** Listener + loop entry + TIMES × (body + loop next). */
    static final int EXECUTIONS = 2 + TIMES * (LENGTH + 1);

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Param({"sequence", "mixed", "counter"})
    public String chain;

    private BenchPlugin plugin;
    private ProjectRun run;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        LoadedProject project = load(chain);
        long traced = countExecutions(project);
        if (traced != EXECUTIONS) {
            throw new IllegalStateException(chain + ": one event ran " + traced + " nodes, expected " + EXECUTIONS);
        }
        run = project.start(options(TraceListener.NONE));
        awaitIdle(run);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        run.close();
    }

    @Benchmark
    @OperationsPerInvocation(EXECUTIONS)
    public void event() throws InterruptedException {
        plugin.probe().command("run", "");
        awaitIdle(run);
    }

    private LoadedProject load(String kind) {
        plugin = new BenchPlugin();
        ProjectLoader loader = ProjectLoader.builder()
                .registry(NodeRegistry.of(plugin))
                .environment(Map.of())
                .build();
        LoadResult result = loader.load(project(kind));
        if (!result.isValid()) {
            throw new IllegalStateException("invalid benchmark project: " + result.problems());
        }
        return result.orThrow();
    }

    /** Runs one event with a trace that counts node executions. */
    private long countExecutions(LoadedProject project) throws InterruptedException {
        AtomicLong executed = new AtomicLong();
        TraceListener counter = e -> {
            if (e instanceof TraceEvent.NodeExecuted) {
                executed.incrementAndGet();
            }
        };
        try (ProjectRun traced = project.start(options(counter))) {
            awaitIdle(traced);
            executed.set(0);
            plugin.probe().command("run", "");
            awaitIdle(traced);
            return executed.get();
        }
    }

    private static RunOptions options(TraceListener trace) {
        return RunOptions.builder()
                .trace(trace)
                .output(line -> {})
                .maxStepsPerEvent(Integer.MAX_VALUE)
                .build();
    }

    private static void awaitIdle(ProjectRun run) throws InterruptedException {
        if (!run.awaitIdle(WAIT)) {
            throw new IllegalStateException("run not idle within " + WAIT);
        }
    }

    /** The project: command → loop; loop body = LENGTH nodes of {@code kind}; last → loop.next. */
    static String project(String kind) {
        ProjectJson p = new ProjectJson("executor-" + kind)
                .variable("v", "number", 5)
                .variable("n", "number", 0)
                .node("command", BenchPlugin.ON_COMMAND)
                .node("loop", BenchPlugin.LOOP, Map.of("times", TIMES), Map.of())
                .link("command.out", "loop.in")
                .node("five", "core.math", Map.of("op", "+"), Map.of("a", 2, "b", 3))
                .node("v", "core.getVariable", Map.of("variable", "v"), Map.of())
                .node("isFive", "core.compare", Map.of("op", "=="), Map.of("b", 5))
                .link("v.value", "isFive.a")
                .node("n", "core.getVariable", Map.of("variable", "n"), Map.of())
                .node("plusOne", "core.math", Map.of("op", "+"), Map.of("b", 1))
                .link("n.value", "plusOne.a");
        String previous = "loop.body";
        for (int i = 0; i < LENGTH; i++) {
            String id = "s" + i;
            switch (kind) {
                case "sequence" -> p.node(id, "core.sequence", Map.of("count", 1), Map.of());
                case "mixed" -> mixed(p, id, i % 4);
                case "counter" ->
                    p.node(id, "core.setVariable", Map.of("variable", "n"), Map.of())
                            .link("plusOne.result", id + ".value");
                default -> throw new IllegalArgumentException("unknown chain " + kind);
            }
            p.link(previous, id + ".in");
            previous = id
                    + (kind.equals("sequence")
                            ? ".then0"
                            : kind.equals("counter")
                                    ? ".out"
                                    : i % 4 == 1 || i % 4 == 3 ? ".true" : i % 4 == 0 ? ".then0" : ".out");
        }
        p.link(previous, "loop.next");
        return p.json();
    }

    private static void mixed(ProjectJson p, String id, int step) {
        switch (step) {
            case 0 -> p.node(id, "core.sequence", Map.of("count", 1), Map.of());
            case 1 -> p.node(id, "core.branch", Map.of(), Map.of("condition", true));
            case 2 ->
                p.node(id, "core.setVariable", Map.of("variable", "v"), Map.of())
                        .link("five.result", id + ".value");
            default -> p.node(id, "core.branch").link("isFive.result", id + ".condition");
        }
    }
}
