package io.pulseio.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.debug.PausePoint;
import io.pulseio.logic.time.ManualScheduler;
import io.pulseio.logic.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When the trace listener hears an event's records: at the event's end (so writing the trace is not on the
 * event's own path), before a pause, and once 256 wait; always in the order they were made.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TraceDeliveryTest {
    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());

    /** On Project Start, then {@code count} Prints in a chain, p1 … p{count}. */
    private static LoadedProject chain(int count) {
        StringBuilder nodes = new StringBuilder("{\"id\":\"start\",\"type\":\"core.onProjectStart\"}");
        StringBuilder links = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            nodes.append(",{\"id\":\"p")
                    .append(i)
                    .append("\",\"type\":\"core.print\",\"inputs\":{\"message\":\"line ")
                    .append(i)
                    .append("\"}}");
            links.append(i == 1 ? "" : ",")
                    .append("{\"from\":\"")
                    .append(i == 1 ? "start" : "p" + (i - 1))
                    .append(".out\",\"to\":\"p")
                    .append(i)
                    .append(".in\"}");
        }
        LoadResult r = Harness.load("{\"format\":1,\"name\":\"chain\",\"logic\":{\"project\":{\"nodes\":[" + nodes
                + "],\"links\":[" + links + "]}}}");
        assertThat(r.problems()).isEmpty();
        return r.orThrow();
    }

    private RunOptions.Builder options() {
        return RunOptions.builder()
                .scheduler(new ManualScheduler())
                .output(line -> heard.add("printed " + line))
                .trace(e -> heard.add(e instanceof TraceEvent.NodeExecuted n ? "node " + n.node() : e.kind()));
    }

    @Test
    void anEventsRecordsComeAfterItsWorkInTheOrderMadeAndNeverMoreThan256AtATime() throws Exception {
        try (ProjectRun run = chain(200).start(options().build())) {
            assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        }
        List<String> nodes = heard.stream().filter(s -> s.startsWith("node ")).toList();
        List<String> expected = new ArrayList<>(List.of("node start"));
        for (int i = 1; i <= 200; i++) {
            expected.add("node p" + i);
        }
        assertThat(nodes).as("in the order made").containsExactlyElementsOf(expected);
        assertThat(heard.indexOf("printed line 1"))
                .as("the first Print's line is out before the event's records are handed on")
                .isLessThan(heard.indexOf("node p1"));
        // 200 Prints make 400 records (each node and each pulse): the first 256 go before the event ends
        assertThat(heard.indexOf("node p1")).isLessThan(heard.indexOf("printed line 200"));
        assertThat(heard.indexOf("node p200")).isGreaterThan(heard.indexOf("printed line 200"));
    }

    @Test
    void aPauseInTheMiddleOfAnEventHandsOnWhatRanBeforeIt() throws Exception {
        BlockingQueue<PausePoint> pauses = new LinkedBlockingQueue<>();
        io.pulseio.logic.debug.DebugListener listener = new io.pulseio.logic.debug.DebugListener() {
            @Override
            public void paused(PausePoint at) {
                pauses.add(at);
            }
        };
        try (ProjectRun run = chain(5).startPaused(options().build(), listener)) {
            assertThat(pauses.poll(5, TimeUnit.SECONDS)).isNotNull(); // the run's own first pause
            run.debugger().orElseThrow().setBreakpoint("p4");
            run.debugger().orElseThrow().resume();
            PausePoint at = pauses.poll(5, TimeUnit.SECONDS);
            assertThat(at).isNotNull();
            assertThat(at.nodeId()).isEqualTo("p4");
            assertThat(heard).contains("printed line 3", "node p3").doesNotContain("node p4");
            run.debugger().orElseThrow().resume();
            assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
            assertThat(heard).contains("node p5", "printed line 5");
        }
    }
}
