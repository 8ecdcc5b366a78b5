package io.pulseio.logic;

import io.pulseio.logic.internal.run.RunSettings;
import io.pulseio.logic.time.Scheduler;
import io.pulseio.logic.trace.TraceListener;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to run a project: time source, trace, output sink and loop guards. Immutable; build with
 * {@link #builder()}.
 *
 * @param scheduler        time source; null means the run creates (and closes) a system scheduler
 * @param trace            receives every trace event on the logic thread
 * @param output           where Print writes, one call per line; standard output by default
 * @param maxStepsPerEvent node executions allowed for one event before it is cut off as a runaway loop
 * @param maxPulseDepth    pending pulses allowed on the stack at once
 * @param maxCallDepth     nested function calls allowed
 * @param maxPullDepth     nested data pulls allowed (a pull chain through computed nodes)
 * @param maxEventsWithoutInput events the logic may cause itself one after another (a listener it fires,
 *                         a scene it loads) with no event from outside between them (network, timers);
 *                         past it, its own events are dropped and reported (trace {@code error}, source
 *                         {@code loop}) until an event comes from outside
 */
public record RunOptions(
        Scheduler scheduler,
        TraceListener trace,
        Consumer<String> output,
        int maxStepsPerEvent,
        int maxPulseDepth,
        int maxCallDepth,
        int maxPullDepth,
        int maxEventsWithoutInput) {

    public RunOptions {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(output, "output");
        positive("maxStepsPerEvent", maxStepsPerEvent);
        positive("maxPulseDepth", maxPulseDepth);
        positive("maxCallDepth", maxCallDepth);
        positive("maxPullDepth", maxPullDepth);
        positive("maxEventsWithoutInput", maxEventsWithoutInput);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    /**
     * Defaults: system time, no trace, standard output, 100 000 steps, depth 10 000, 64 calls, 1 000 pulls,
     * 10 000 events without input.
     */
    public static RunOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** These options as the runtime takes them. */
    RunSettings settings() {
        return new RunSettings(
                scheduler,
                trace,
                output,
                maxStepsPerEvent,
                maxPulseDepth,
                maxCallDepth,
                maxPullDepth,
                maxEventsWithoutInput);
    }

    /** Builds {@link RunOptions}. Not thread-safe. */
    public static final class Builder {
        private Scheduler scheduler;
        private TraceListener trace = TraceListener.NONE;

        @SuppressWarnings("java:S106") // the Print node's documented default sink
        private Consumer<String> output = System.out::println;

        private int maxStepsPerEvent = 100_000;
        private int maxPulseDepth = 10_000;
        private int maxCallDepth = 64;
        private int maxPullDepth = 1_000;
        private int maxEventsWithoutInput = 10_000;

        private Builder() {}

        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        public Builder trace(TraceListener trace) {
            this.trace = trace;
            return this;
        }

        public Builder output(Consumer<String> output) {
            this.output = output;
            return this;
        }

        public Builder maxStepsPerEvent(int steps) {
            this.maxStepsPerEvent = steps;
            return this;
        }

        public Builder maxPulseDepth(int depth) {
            this.maxPulseDepth = depth;
            return this;
        }

        public Builder maxCallDepth(int depth) {
            this.maxCallDepth = depth;
            return this;
        }

        public Builder maxPullDepth(int depth) {
            this.maxPullDepth = depth;
            return this;
        }

        public Builder maxEventsWithoutInput(int events) {
            this.maxEventsWithoutInput = events;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the first bad value. */
        public RunOptions build() {
            return new RunOptions(
                    scheduler,
                    trace,
                    output,
                    maxStepsPerEvent,
                    maxPulseDepth,
                    maxCallDepth,
                    maxPullDepth,
                    maxEventsWithoutInput);
        }
    }
}
