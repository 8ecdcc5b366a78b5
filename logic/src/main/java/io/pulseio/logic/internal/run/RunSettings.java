package io.pulseio.logic.internal.run;

import io.pulseio.logic.time.Scheduler;
import io.pulseio.logic.trace.TraceListener;
import java.util.function.Consumer;

/**
 * What a run is started with: the values of the API's {@code RunOptions}, which checked them (see
 * there for what each means). The run takes them as given.
 *
 * @param scheduler null when the run creates (and closes) a system scheduler of its own
 */
public record RunSettings(
        Scheduler scheduler,
        TraceListener trace,
        Consumer<String> output,
        int maxStepsPerEvent,
        int maxPulseDepth,
        int maxCallDepth,
        int maxPullDepth,
        int maxEventsWithoutInput) {}
