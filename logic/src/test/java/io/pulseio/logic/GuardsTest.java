package io.pulseio.logic;

import static io.pulseio.logic.ValidationRulesTest.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseio.logic.trace.JsonLinesTraceWriter;
import io.pulseio.logic.trace.TraceEvent;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A loop that bounces between events, and the trace file's size limit. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GuardsTest {

    /** Every change of n sets n + 1: each change is a new event, caused by the logic alone, for ever. */
    static final String BOUNCE = "{'format':1,'name':'bounce','logic':{"
            + "'variables':[{'name':'n','type':'number','initial':0}],'project':{'nodes':["
            + "{'id':'start','type':'core.onProjectStart'},"
            + "{'id':'first','type':'core.setVariable','attributes':{'variable':'n'},'inputs':{'value':1}},"
            + "{'id':'watch','type':'core.onVariableChange','attributes':{'variable':'n'}},"
            + "{'id':'add','type':'core.math','attributes':{'op':'+'},'inputs':{'b':1}},"
            + "{'id':'show','type':'core.print'},"
            + "{'id':'next','type':'core.setVariable','attributes':{'variable':'n'}},"
            + "{'id':'timer','type':'core.timer','inputs':{'intervalMs':1000,'times':1}},"
            + "{'id':'again','type':'core.setVariable','attributes':{'variable':'n'},'inputs':{'value':-1}}],"
            + "'links':[{'from':'start.out','to':'first.in'},{'from':'first.out','to':'timer.start'},"
            + "{'from':'watch.out','to':'show.in'},{'from':'watch.value','to':'show.message'},"
            + "{'from':'watch.value','to':'add.a'},{'from':'add.result','to':'next.value'},"
            + "{'from':'show.out','to':'next.in'},{'from':'timer.tick','to':'again.in'}]}}}";

    @Test
    void eventsTheLogicCausesItselfForEverAreCutOffAndReportedAndInputFromOutsideStartsAfresh() throws Exception {
        LoadResult r = Harness.load(q(BOUNCE));
        assertThat(r.problems()).isEmpty();
        try (Harness.Session s =
                new Harness.Session(r.orThrow(), RunOptions.builder().maxEventsWithoutInput(50))) {
            s.idle();
            List<TraceEvent.Error> errors = ExecutorTest.errors(s);
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.source()).isEqualTo("loop");
                assertThat(e.message())
                        .isEqualTo(
                                "runaway event loop: more than 50 events in a row caused by the"
                                        + " logic itself, with no input from outside; its events are dropped until one comes from outside");
            });
            // the change events ran one after another until the bound: then the next one was dropped
            assertThat(s.output).hasSizeBetween(45, 50).startsWith("1", "2", "3");
            int printed = s.output.size();
            assertThat(s.run.isStopped()).isFalse();

            s.advance(1000); // the timer is input from outside: the bounce starts again, and is cut again
            assertThat(s.output.size()).isGreaterThan(printed + 40);
            assertThat(s.output.get(printed)).isEqualTo("-1");
            assertThat(ExecutorTest.errors(s)).hasSize(2);
        }
    }

    @Test
    void aTraceFileStopsAtItsLimitSaysSoAndTheRunGoesOn() {
        StringWriter text = new StringWriter();
        JsonLinesTraceWriter writer = new JsonLinesTraceWriter(text, 120);
        writer.onEvent(new TraceEvent.RunStarted(0, "p")); // 44 bytes with its line end
        writer.onEvent(new TraceEvent.Pulse(1, "a.out", "b.in")); // 50
        assertThat(writer.isFull()).isFalse();
        writer.onEvent(new TraceEvent.Pulse(2, "b.out", "c.in")); // would pass 120
        writer.onEvent(new TraceEvent.Pulse(3, "c.out", "d.in"));
        writer.onEvent(new TraceEvent.RunStopped(4, 0));
        assertThat(writer.isFull()).isTrue();
        assertThat(text.toString().split("\n"))
                .containsExactly(
                        "{\"t\":0,\"kind\":\"runStarted\",\"project\":\"p\"}",
                        "{\"t\":1,\"kind\":\"pulse\",\"from\":\"a.out\",\"to\":\"b.in\"}",
                        "{\"t\":2,\"kind\":\"traceLimit\",\"limitBytes\":120}");
    }

    @Test
    void theLimitCountsUtf8Bytes() {
        StringWriter text = new StringWriter();
        String project = "é".repeat(20); // 40 bytes, 20 chars
        String line = JsonLinesTraceWriter.line(new TraceEvent.RunStarted(0, project));
        long bytes = line.getBytes(StandardCharsets.UTF_8).length + 1;
        JsonLinesTraceWriter fits = new JsonLinesTraceWriter(text, bytes);
        fits.onEvent(new TraceEvent.RunStarted(0, project));
        assertThat(fits.isFull()).isFalse();
        JsonLinesTraceWriter short1 = new JsonLinesTraceWriter(new StringWriter(), bytes - 1);
        short1.onEvent(new TraceEvent.RunStarted(0, project));
        assertThat(short1.isFull()).isTrue();
    }

    @Test
    void badLimitsAreRejected() {
        assertThatThrownBy(() -> new JsonLinesTraceWriter(new StringWriter(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the trace size limit must be at least 1 byte, was 0");
        assertThatThrownBy(() -> RunOptions.builder().maxEventsWithoutInput(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxEventsWithoutInput must be at least 1, was 0");
    }
}
