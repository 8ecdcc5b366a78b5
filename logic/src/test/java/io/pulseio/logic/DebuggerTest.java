package io.pulseio.logic;

import static io.pulseio.logic.ValidationRulesTest.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseio.logic.debug.BreakCondition;
import io.pulseio.logic.debug.DebugListener;
import io.pulseio.logic.debug.Debugger;
import io.pulseio.logic.debug.NodeValues;
import io.pulseio.logic.debug.PausePoint;
import io.pulseio.logic.debug.PausePoint.Reason;
import io.pulseio.logic.time.ManualScheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The debugger API, in virtual time: nothing here sleeps; waits are bounded polls on the listener's events. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DebuggerTest {
    private final ManualScheduler time = new ManualScheduler();
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final Recorder heard = new Recorder();
    private ProjectRun run;

    /** What the listener heard, as "paused", "resumed" and "hit", each with its point. */
    static final class Recorder implements DebugListener {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

        @Override
        public void paused(PausePoint at) {
            events.add(at);
        }

        @Override
        public void resumed() {
            events.add("resumed");
        }

        @Override
        public void breakpointHit(PausePoint at) {
            events.add("hit " + at.nodeId());
        }

        Object next() throws InterruptedException {
            Object e = events.poll(5, TimeUnit.SECONDS);
            assertThat(e).as("a debugger event within 5 s").isNotNull();
            return e;
        }

        /** The next pause, skipping "resumed" and "hit" events before it. */
        PausePoint nextPause() throws InterruptedException {
            while (true) {
                Object e = next();
                if (e instanceof PausePoint p) {
                    return p;
                }
            }
        }
    }

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
    }

    private ProjectRun startPaused(String singleQuoted) throws InterruptedException {
        LoadResult r = Harness.load(q(singleQuoted));
        assertThat(r.problems()).isEmpty();
        run = r.orThrow()
                .startPaused(
                        RunOptions.builder().scheduler(time).output(output::add).build(), heard);
        PausePoint first = heard.nextPause();
        assertThat(first.betweenEvents()).isTrue();
        assertThat(first.reason()).isEqualTo(Reason.PAUSE);
        assertThat(first.queueLength()).as("the start is queued").isEqualTo(1);
        return run;
    }

    private Debugger debugger() {
        return run.debugger().orElseThrow();
    }

    static final String DELAYS = "{'format':1,'name':'delays','logic':{'project':{'nodes':["
            + "{'id':'start','type':'core.onProjectStart'},{'id':'seq','type':'core.sequence','attributes':{'count':3}},"
            + "{'id':'d1','type':'core.delay','inputs':{'ms':100}},{'id':'d2','type':'core.delay','inputs':{'ms':200}},"
            + "{'id':'d3','type':'core.delay','inputs':{'ms':300}},"
            + "{'id':'p1','type':'core.print','inputs':{'message':'one'}},"
            + "{'id':'p2','type':'core.print','inputs':{'message':'two'}},"
            + "{'id':'p3','type':'core.print','inputs':{'message':'three'}}],"
            + "'links':[{'from':'start.out','to':'seq.in'},{'from':'seq.then0','to':'d1.in'},"
            + "{'from':'seq.then1','to':'d2.in'},{'from':'seq.then2','to':'d3.in'},{'from':'d1.out','to':'p1.in'},"
            + "{'from':'d2.out','to':'p2.in'},{'from':'d3.out','to':'p3.in'}]}}}";

    @Test
    void aPausedRunQueuesItsTimersAndRunsThemInOrderWhenResumed() throws Exception {
        startPaused(DELAYS);
        debugger().resume();
        assertThat(heard.next()).isEqualTo("resumed");
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();

        debugger().pause(); // idle: pauses at once, between events
        PausePoint at = heard.nextPause();
        assertThat(at.betweenEvents()).isTrue();
        assertThat(at.reason()).isEqualTo(Reason.PAUSE);
        assertThat(debugger().isPaused()).isTrue();

        time.advance(300); // the three delays fall due while paused: queued, not run
        assertThat(debugger().queueLength()).isEqualTo(3);
        assertThat(output).isEmpty();

        debugger().resume();
        assertThat(heard.next()).isEqualTo("resumed");
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        assertThat(output).containsExactly("one", "two", "three");
        assertThat(debugger().queueLength()).isZero();
        assertThat(debugger().isPaused()).isFalse();
    }

    @Test
    void stepRunsOneNodeAndPausesBeforeTheNextInThisEventOrALaterOne() throws Exception {
        startPaused(DELAYS);
        debugger().step(); // between events: the start event runs up to its first node
        PausePoint at = heard.nextPause();
        assertThat(at.nodeId()).isEqualTo("start");
        assertThat(at.pin()).as("a listener fires on no pin").isNull();
        assertThat(at.graph()).isEqualTo("project");
        debugger().step();
        at = heard.nextPause();
        assertThat(at.nodeId()).isEqualTo("seq");
        assertThat(at.pin()).isEqualTo("in");
        assertThat(at.reason()).isEqualTo(Reason.STEP);
        debugger().step();
        assertThat(heard.nextPause().nodeId()).isEqualTo("d1");
        debugger().step();
        assertThat(heard.nextPause().nodeId()).isEqualTo("d2");
        debugger().step();
        assertThat(heard.nextPause().nodeId()).isEqualTo("d3");
        debugger().step(); // the event ends; the step waits for the next event's first node
        assertThat(heard.next()).isEqualTo("resumed");
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        assertThat(debugger().isPaused()).isFalse();
        time.advance(100);
        at = heard.nextPause();
        assertThat(at.nodeId()).isEqualTo("p1");
        assertThat(output).isEmpty();
        debugger().stepOut(); // at the top level: the rest of the event, then a pause between events
        at = heard.nextPause();
        assertThat(at.betweenEvents()).isTrue();
        assertThat(at.reason()).isEqualTo(Reason.STEP);
        assertThat(output).containsExactly("one");
        debugger().resume();
        time.advance(200);
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        assertThat(output).containsExactly("one", "two", "three");
    }

    static final String TICKS = "{'format':1,'name':'ticks','logic':{'project':{'nodes':["
            + "{'id':'start','type':'core.onProjectStart'},"
            + "{'id':'timer','type':'core.timer','inputs':{'intervalMs':10,'times':3}},"
            + "{'id':'text','type':'core.formatString','inputs':{'format':'tick {0}'}},"
            + "{'id':'show','type':'core.print'}],"
            + "'links':[{'from':'start.out','to':'timer.start'},{'from':'timer.tick','to':'show.in'},"
            + "{'from':'timer.count','to':'text.arg0'},{'from':'text.text','to':'show.message'}]}}}";

    @Test
    void aConditionalBreakpointPausesBeforeItsNodeOnlyWhenTheInputMatches() throws Exception {
        startPaused(TICKS);
        debugger().setBreakpoint("show", BreakCondition.equalTo("message", "tick 2"));
        debugger().resume();
        assertThat(heard.next()).isEqualTo("resumed");
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        time.advance(10);
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        assertThat(output).containsExactly("tick 1");
        time.advance(10); // the second tick posts its event and the run pauses before show
        assertThat(heard.next()).isEqualTo("hit show");
        PausePoint at = heard.nextPause();
        assertThat(at.reason()).isEqualTo(Reason.BREAKPOINT);
        assertThat(at.nodeId()).isEqualTo("show");
        assertThat(at.nodeType()).isEqualTo("core.print");
        assertThat(output).containsExactly("tick 1");

        NodeValues values = debugger().values("show").toCompletableFuture().getNow(null);
        assertThat(values).as("answered at once while paused").isNotNull();
        assertThat(values.input("message").value()).isEqualTo("tick 2");
        NodeValues timer = debugger().values("timer").toCompletableFuture().getNow(null);
        assertThat(timer.output("count").value()).isEqualTo(2.0);

        debugger().enableBreakpoint("show", false);
        assertThat(debugger().breakpoints())
                .singleElement()
                .satisfies(b -> assertThat(b.enabled()).isFalse());
        debugger().resume();
        time.advance(10);
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        assertThat(output).containsExactly("tick 1", "tick 2", "tick 3");
    }

    static final String CALLS = "{'format':1,'name':'calls','logic':{'functions':[{'name':'twice',"
            + "'inputs':[{'name':'x','type':'number'}],'outputs':[{'name':'y','type':'number'}],"
            + "'nodes':[{'id':'enter','type':'core.functionInput'},{'id':'mul','type':'core.math','attributes':{'op':'*'},'inputs':{'b':2}},"
            + "{'id':'inner','type':'core.print','inputs':{'message':'inside'}},{'id':'leave','type':'core.functionOutput'}],"
            + "'links':[{'from':'enter.out','to':'inner.in'},{'from':'inner.out','to':'leave.in'},"
            + "{'from':'enter.x','to':'mul.a'},{'from':'mul.result','to':'leave.y'}]}],"
            + "'project':{'nodes':[{'id':'start','type':'core.onProjectStart'},"
            + "{'id':'call1','type':'core.callFunction','attributes':{'function':'twice'},'inputs':{'x':3}},"
            + "{'id':'after1','type':'core.print'},"
            + "{'id':'call2','type':'core.callFunction','attributes':{'function':'twice'},'inputs':{'x':5}},"
            + "{'id':'after2','type':'core.print'}],"
            + "'links':[{'from':'start.out','to':'call1.in'},{'from':'call1.out','to':'after1.in'},"
            + "{'from':'call1.y','to':'after1.message'},{'from':'after1.out','to':'call2.in'},"
            + "{'from':'call2.out','to':'after2.in'},{'from':'call2.y','to':'after2.message'}]}}}";

    @Test
    void stepIntoAFunctionCallAndOutOfIt() throws Exception {
        startPaused(CALLS);
        debugger().setBreakpoint("call1");
        debugger().resume();
        PausePoint at = heard.nextPause();
        assertThat(at.nodeId()).isEqualTo("call1");
        assertThat(at.callDepth()).isZero();
        debugger().step();
        at = heard.nextPause();
        assertThat(at.nodeId()).isEqualTo("enter");
        assertThat(at.function()).isEqualTo("twice");
        assertThat(at.graph()).isEqualTo("function:twice");
        assertThat(at.callers()).containsExactly("call1");
        debugger().step();
        at = heard.nextPause();
        assertThat(at.nodeId()).isEqualTo("inner");
        assertThat(debugger()
                        .values("leave")
                        .toCompletableFuture()
                        .getNow(null)
                        .input("y")
                        .value())
                .isEqualTo(6.0);
        debugger().stepOut(); // the rest of the call, then the caller's next node
        at = heard.nextPause();
        assertThat(at.nodeId()).isEqualTo("after1");
        assertThat(at.callDepth()).isZero();
        assertThat(output).containsExactly("inside");
        debugger().step();
        assertThat(heard.nextPause().nodeId()).isEqualTo("call2");
        debugger().stepOver(); // the whole call runs: its body is not paused in
        at = heard.nextPause();
        assertThat(at.nodeId()).isEqualTo("after2");
        assertThat(output).containsExactly("inside", "6", "inside");
        debugger().resume();
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        assertThat(output).containsExactly("inside", "6", "inside", "10");
    }

    @Test
    void aBreakpointInsideAFunctionStopsAStepOver() throws Exception {
        startPaused(CALLS);
        debugger().setBreakpoint("call1");
        debugger().setBreakpoint("leave");
        debugger().resume();
        assertThat(heard.nextPause().nodeId()).isEqualTo("call1");
        debugger().stepOver();
        PausePoint at = heard.nextPause();
        assertThat(at.nodeId()).isEqualTo("leave");
        assertThat(at.reason()).isEqualTo(Reason.BREAKPOINT);
        assertThat(debugger().removeBreakpoint("leave")).isTrue();
        assertThat(debugger().removeBreakpoint("leave")).isFalse();
        debugger().resume();
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        assertThat(output).containsExactly("inside", "6", "inside", "10");
    }

    @Test
    void valuesAreAnsweredOnTheLogicThreadWhileTheRunRuns() throws Exception {
        startPaused(TICKS);
        debugger().resume();
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        time.advance(10);
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        NodeValues v = debugger().values("text").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(v.nodeType()).isEqualTo("core.formatString");
        assertThat(v.output("text").value()).as("a computed node is computed").isEqualTo("tick 1");
        assertThat(v.input("format").type()).isEqualTo("string");
    }

    @Test
    void aResumeBeforeTheStartPauseIsReachedCancelsIt() throws Exception {
        // the studio resumes a fresh run as soon as it has its debugger, often before the logic thread
        // reached its first pause: that pause must not happen then (a run paused for ever otherwise)
        LoadedProject project = Harness.load(q("{'format':1,'name':'quick','logic':{'project':{'nodes':["
                        + "{'id':'start','type':'core.onProjectStart'},{'id':'p','type':'core.print','inputs':{'message':'ran'}}],"
                        + "'links':[{'from':'start.out','to':'p.in'}]}}}"))
                .orThrow();
        for (int i = 0; i < 300; i++) {
            List<String> printed = Collections.synchronizedList(new ArrayList<>());
            try (ProjectRun r = project.startPaused(
                    RunOptions.builder().scheduler(time).output(printed::add).build(), DebugListener.NONE)) {
                r.debugger().orElseThrow().resume();
                assertThat(r.awaitIdle(Harness.WAIT)).as("round %d ran", i).isTrue();
                assertThat(printed).as("round %d", i).containsExactly("ran");
                assertThat(r.debugger().orElseThrow().isPaused()).isFalse();
            }
        }
    }

    @Test
    void aPauseAskedWhileAResumeIsStillPendingHaltsAgain() throws Exception {
        // the studio resumes the run's own first pause; a user's pause sent before the logic thread woke
        // from it must not be lost (it was: "paused already")
        for (int i = 0; i < 20; i++) {
            startPaused(DELAYS);
            debugger().resume();
            debugger().pause();
            assertThat(heard.next()).as("round %d", i).isEqualTo("resumed");
            PausePoint again = heard.nextPause();
            assertThat(again.reason()).as("round %d", i).isEqualTo(Reason.PAUSE);
            assertThat(debugger().isPaused()).isTrue();
            run.close();
            heard.events.clear();
        }
    }

    @Test
    void stoppingAPausedRunEndsThePauseAndTheRun() throws Exception {
        startPaused(DELAYS);
        debugger().setBreakpoint("seq");
        debugger().resume();
        assertThat(heard.nextPause().nodeId()).isEqualTo("seq");
        run.stop(3);
        assertThat(run.awaitExit(Harness.WAIT)).isEqualTo(3);
        assertThat(heard.events).contains("resumed");
        assertThat(output).isEmpty();
    }

    @Test
    void closingTheDebuggerResumesAndLetsAnotherAttach() throws Exception {
        startPaused(DELAYS);
        Debugger first = debugger();
        assertThatThrownBy(() -> run.attachDebugger(DebugListener.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a debugger is attached to run 'delays' already");
        first.setBreakpoint("p1");
        first.close();
        first.close();
        assertThat(heard.next()).isEqualTo("resumed");
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        assertThatThrownBy(first::pause)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the debugger is detached");
        assertThat(run.debugger()).isEmpty();
        time.advance(300);
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        assertThat(output).as("the breakpoint went with the debugger").containsExactly("one", "two", "three");
        try (Debugger second = run.attachDebugger(DebugListener.NONE)) {
            assertThat(second.breakpoints()).isEmpty();
        }
    }

    @Test
    void badRequestsSayWhatIsWrong() throws Exception {
        startPaused(TICKS);
        assertThatThrownBy(() -> debugger().setBreakpoint("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("project 'ticks' has no node 'nope'");
        assertThatThrownBy(() -> debugger().values("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("project 'ticks' has no node 'nope'");
        assertThatThrownBy(() -> debugger().setBreakpoint("show", BreakCondition.equalTo("text", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node 'show' (core.print) has no data input 'text'; its data inputs: message");
        assertThatThrownBy(() -> debugger().setBreakpoint("show", BreakCondition.equalTo("in", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("node 'show' (core.print) has no data input 'in'");
        assertThatThrownBy(() -> debugger().enableBreakpoint("show", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no breakpoint on node 'show'");
        assertThatThrownBy(() -> new BreakCondition("message", BreakCondition.Op.LESS_THAN, "ten"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a LESS_THAN condition needs a number, was \"ten\"");
        assertThat(debugger().values("show").toCompletableFuture())
                .as("no live nodes before the start event")
                .isCompletedExceptionally();
        debugger().resume();
        assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
        NodeValues v = debugger().values("show").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> v.input("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node 'show' has no data input 'nope'");
    }

    @Test
    void conditionsCompareTextAndNumbers() {
        assertThat(new BreakCondition("a", BreakCondition.Op.LESS_THAN, "3").holds("2"))
                .isTrue();
        assertThat(new BreakCondition("a", BreakCondition.Op.LESS_THAN, "3").holds("3"))
                .isFalse();
        assertThat(new BreakCondition("a", BreakCondition.Op.GREATER_THAN, "3").holds("4.5"))
                .isTrue();
        assertThat(new BreakCondition("a", BreakCondition.Op.GREATER_THAN, "3").holds("abc"))
                .as("not a number: counts as holding")
                .isTrue();
        assertThat(new BreakCondition("a", BreakCondition.Op.CONTAINS, "ic").holds("tick"))
                .isTrue();
        assertThat(new BreakCondition("a", BreakCondition.Op.NOT_EQUALS, "x").holds("x"))
                .isFalse();
        assertThat(BreakCondition.equalTo("a", "x").holds(null))
                .as("unreadable input: holds")
                .isTrue();
    }
}
