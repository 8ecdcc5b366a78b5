package io.pulseio.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.time.ManualScheduler;
import io.pulseio.logic.trace.JsonLinesTraceWriter;
import io.pulseio.logic.trace.TraceEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Loads and runs projects in virtual time for tests. */
final class Harness {
    static final Duration WAIT = Duration.ofSeconds(5);

    private Harness() {}

    static String resource(String name) {
        try (InputStream in = Harness.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProjectLoader loader(Map<String, String> env, Plugin... plugins) {
        return ProjectLoader.builder()
                .registry(NodeRegistry.of(plugins))
                .environment(env)
                .build();
    }

    static LoadResult load(String json, Plugin... plugins) {
        return loader(Map.of("HOST", "example.org"), plugins).load(json);
    }

    /** A run in virtual time with captured output and trace. */
    static final class Session implements AutoCloseable {
        final ManualScheduler time = new ManualScheduler();
        final List<String> output = Collections.synchronizedList(new ArrayList<>());
        final List<TraceEvent> events = Collections.synchronizedList(new ArrayList<>());
        final ProjectRun run;

        Session(LoadedProject project, RunOptions.Builder options) {
            run = project.start(options.scheduler(time)
                    .output(output::add)
                    .trace(events::add)
                    .build());
        }

        Session(LoadedProject project) {
            this(project, RunOptions.builder());
        }

        /** Waits until the logic thread is idle. */
        Session idle() throws InterruptedException {
            assertThat(run.awaitIdle(WAIT)).as("run became idle").isTrue();
            return this;
        }

        /**
         * Advances virtual time by {@code ms} one due task at a time, letting the run react to each
         * (e.g. a timer scheduling its next tick) before time moves on; then waits until idle.
         */
        Session advance(long ms) throws InterruptedException {
            idle();
            long target = time.millis() + ms;
            while (time.runNextUntil(target)) {
                idle();
            }
            time.advance(target - time.millis());
            return idle();
        }

        /**
         * Runs until the project stops or nothing is left to do (no queued event, no timer), jumping
         * virtual time from timer to timer, for at most {@code maxMillis} of virtual time.
         */
        Session settle(long maxMillis) throws InterruptedException {
            idle();
            while (!run.isStopped() && time.pending() > 0 && time.millis() < maxMillis) {
                time.runNext();
                idle();
            }
            return this;
        }

        List<String> traceLines() {
            synchronized (events) {
                return events.stream().map(JsonLinesTraceWriter::line).toList();
            }
        }

        @Override
        public void close() {
            run.close();
        }
    }
}
