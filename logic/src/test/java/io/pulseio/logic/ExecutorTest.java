package io.pulseio.logic;

import static io.pulseio.logic.ValidationRulesTest.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.trace.TraceEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExecutorTest {

    static LoadedProject load(String singleQuoted, DemoPlugin plugin) {
        LoadResult r = Harness.load(q(singleQuoted), plugin);
        assertThat(r.problems()).isEmpty();
        return r.orThrow();
    }

    static final String CONNECTIONS = "'settings':{'demo':{'connections':[{'name':'c','url':'http://h'}]}},";

    static List<TraceEvent.Error> errors(Harness.Session s) {
        synchronized (s.events) {
            return s.events.stream()
                    .filter(TraceEvent.Error.class::isInstance)
                    .map(TraceEvent.Error.class::cast)
                    .toList();
        }
    }

    @Test
    void runawayPulseLoopIsCutOffAndTheRunGoesOn() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        LoadedProject p = load(
                "{'format':1,'name':'loop'," + CONNECTIONS + "'logic':{'project':{'nodes':["
                        + "{'id':'on','type':'demo.onMessage','attributes':{'configuration':'c'}},"
                        + "{'id':'a','type':'core.print'},{'id':'b','type':'core.print'}],"
                        + "'links':[{'from':'on.out','to':'a.in'},{'from':'a.out','to':'b.in'},{'from':'b.out','to':'a.in'},"
                        + "{'from':'on.text','to':'a.message'}]}}}",
                demo);
        // a.in <- b.out and b.in <- a.out: every message circles forever
        try (Harness.Session s = new Harness.Session(p, RunOptions.builder().maxStepsPerEvent(1000))) {
            s.idle();
            demo.receive("c", "x");
            s.idle();
            assertThat(errors(s)).singleElement().satisfies(e -> {
                assertThat(e.source()).isEqualTo("loop");
                assertThat(e.message()).isEqualTo("runaway pulse loop: more than 1000 node executions for one event");
            });
            int printed = s.output.size();
            assertThat(printed).isBetween(990, 1000);
            demo.receive("c", "again");
            s.idle();
            assertThat(s.output.size()).isGreaterThan(printed);
            assertThat(s.run.isStopped()).isFalse();
        }
    }

    @Test
    void aFailingNodeBecomesAnErrorEventOfItsPluginAndTheRunGoesOn() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        LoadedProject p = load(
                "{'format':1,'name':'fail'," + CONNECTIONS + "'logic':{'project':{'nodes':["
                        + "{'id':'on','type':'demo.onMessage','attributes':{'configuration':'c'}},"
                        + "{'id':'send','type':'demo.send','attributes':{'configuration':'c'}},"
                        + "{'id':'sent','type':'core.print','inputs':{'message':'sent'}},"
                        + "{'id':'err','type':'demo.onError','attributes':{'configuration':'c'}},"
                        + "{'id':'show','type':'core.print'}],"
                        + "'links':[{'from':'on.out','to':'send.in'},{'from':'on.text','to':'send.message'},"
                        + "{'from':'send.out','to':'sent.in'},"
                        + "{'from':'err.out','to':'show.in'},{'from':'err.message','to':'show.message'}]}}}",
                demo);
        try (Harness.Session s = new Harness.Session(p)) {
            s.idle();
            demo.receive("c", "fail");
            s.idle();
            demo.receive("c", "fine");
            s.idle();
            assertThat(s.output).containsExactly("cannot send 'fail'", "sent");
            assertThat(errors(s))
                    .singleElement()
                    .extracting(TraceEvent.Error::node)
                    .isEqualTo("send");
            assertThat(s.events)
                    .anySatisfy(e -> assertThat(e)
                            .isEqualTo(
                                    new TraceEvent.PluginRecord(0, "demo", "sent", DemoPlugin.message("c", "fine"))));
        }
    }

    @Test
    void dataInputsArePulledLazilyEachTimeTheyAreRead() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        LoadedProject p = load(
                "{'format':1,'name':'lazy','logic':{'project':{'nodes':["
                        + "{'id':'s','type':'core.onProjectStart'},{'id':'n','type':'demo.counter'},"
                        + "{'id':'a','type':'core.print'},{'id':'b','type':'core.print'},{'id':'c','type':'core.print'}],"
                        + "'links':[{'from':'s.out','to':'a.in'},{'from':'a.out','to':'b.in'},{'from':'b.out','to':'c.in'},"
                        + "{'from':'n.value','to':'a.message'},{'from':'n.value','to':'b.message'}]}}}",
                demo);
        try (Harness.Session s = new Harness.Session(p)) {
            s.idle();
            // computed once per read, never for c (which does not read it)
            assertThat(s.output).containsExactly("1", "2", "");
            assertThat(demo.computed).isEqualTo(2);
        }
    }

    @Test
    void anActionNodesOutputKeepsTheValueOfItsLastRun() throws Exception {
        LoadedProject p = load(
                "{'format':1,'name':'kept','logic':{'variables':[{'name':'v','type':'string'}],"
                        + "'project':{'nodes':[{'id':'s','type':'core.onProjectStart'},"
                        + "{'id':'set','type':'core.setVariable','attributes':{'variable':'v'},'inputs':{'value':'first'}},"
                        + "{'id':'set2','type':'core.setVariable','attributes':{'variable':'v'},'inputs':{'value':'second'}},"
                        + "{'id':'p','type':'core.print'}],"
                        + "'links':[{'from':'s.out','to':'set.in'},{'from':'set.out','to':'set2.in'},{'from':'set2.out','to':'p.in'},"
                        + "{'from':'set.value','to':'p.message'}]}}}",
                new DemoPlugin());
        try (Harness.Session s = new Harness.Session(p)) {
            s.idle();
            assertThat(s.output).containsExactly("first");
        }
    }

    static final String SCENES = "{'format':1,'name':'scenes'," + CONNECTIONS + "'logic':{"
            + "'project':{'nodes':[{'id':'go','type':'demo.onMessage','attributes':{'configuration':'c'}},"
            + "{'id':'load','type':'core.loadScene','attributes':{'scene':'two'}}],"
            + "'links':[{'from':'go.out','to':'load.in'}]},"
            + "'scenes':[{'name':'one','nodes':[{'id':'st','type':'core.onSceneStart'},"
            + "{'id':'timer','type':'core.timer','inputs':{'intervalMs':100}},"
            + "{'id':'tick','type':'core.print','inputs':{'message':'tick'}},"
            + "{'id':'hear','type':'demo.onMessage','attributes':{'configuration':'c'}},"
            + "{'id':'heard','type':'core.print','inputs':{'message':'scene one heard it'}}],"
            + "'links':[{'from':'st.out','to':'timer.start'},{'from':'timer.tick','to':'tick.in'},"
            + "{'from':'hear.out','to':'heard.in'}]},"
            + "{'name':'two','nodes':[{'id':'st2','type':'core.onSceneStart'},"
            + "{'id':'two','type':'core.print','inputs':{'message':'in two'}}],"
            + "'links':[{'from':'st2.out','to':'two.in'}]}]}}";

    @Test
    void leavingASceneSilencesItsListenersAndStopsItsTimers() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        try (Harness.Session s = new Harness.Session(load(SCENES, demo))) {
            s.advance(250);
            assertThat(s.output).containsExactly("tick", "tick");
            demo.receive("c", "go");
            s.idle();
            assertThat(s.output).containsExactly("tick", "tick", "scene one heard it", "in two");
            assertThat(s.time.pending()).isZero();
            s.advance(1000);
            demo.receive("c", "go again");
            s.idle();
            // scene one's listener is not live in scene two; loading two again restarts it
            assertThat(s.output).containsExactly("tick", "tick", "scene one heard it", "in two", "in two");
            assertThat(demo.log)
                    .containsSubsequence("start 1", "scene null -> one", "scene one -> two", "scene two -> two");
        }
        assertThat(demo.log).endsWith("scene two -> null", "close");
    }

    @Test
    void listenersCanBeFiredFromAnyThreadAndTasksRunOnTheLogicThread() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        try (Harness.Session s = new Harness.Session(load(SCENES, demo))) {
            s.idle();
            CompletableFuture<Boolean> onLogicThread = new CompletableFuture<>();
            Thread network = new Thread(() ->
                    demo.context.logicExecutor().execute(() -> onLogicThread.complete(demo.context.inLogicThread())));
            network.start();
            network.join(5000);
            assertThat(onLogicThread.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(demo.context.inLogicThread()).isFalse();
        }
    }

    @Test
    void stopClosesPluginsFlushesTheTraceAndDropsLaterEvents() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        java.io.StringWriter file = new java.io.StringWriter();
        // buffered as a real file is: only a flush makes the records visible in the StringWriter
        java.io.Writer buffered = new java.io.BufferedWriter(file, 1 << 16);
        List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();
        LoadedProject p = load(SCENES, demo);
        ProjectRun run = p.start(RunOptions.builder()
                .scheduler(new io.pulseio.logic.time.ManualScheduler())
                .trace(new io.pulseio.logic.trace.JsonLinesTraceWriter(buffered))
                .output(output::add)
                .build());
        run.awaitIdle(Harness.WAIT);
        demo.receive("c", "before");
        run.awaitIdle(Harness.WAIT);
        assertThat(output).containsExactly("scene one heard it", "in two");
        run.stop(5);
        assertThat(run.awaitExit(Harness.WAIT)).isEqualTo(5);
        assertThat(run.isStopped()).isTrue();
        assertThat(demo.log).endsWith("close");
        String trace = file.toString();
        assertThat(trace)
                .startsWith("{\"t\":0,\"kind\":\"runStarted\",\"project\":\"scenes\"}\n")
                .endsWith("{\"t\":0,\"kind\":\"runStopped\",\"exitCode\":5}\n");
        demo.receive("c", "too late");
        assertThat(run.awaitIdle(Duration.ofSeconds(1))).isTrue();
        buffered.flush();
        assertThat(file.toString()).isEqualTo(trace);
        assertThat(output).containsExactly("scene one heard it", "in two");
    }

    @Test
    void aRunStoppedRightAfterStartStillBeginsItsTraceWithRunStarted() throws Exception {
        LoadedProject p = load(
                "{'format':1,'name':'quick','logic':{'project':{'nodes':["
                        + "{'id':'s','type':'core.onProjectStart'},{'id':'p','type':'core.print'}],"
                        + "'links':[{'from':'s.out','to':'p.in'}]}}}",
                new DemoPlugin());
        for (int i = 0; i < 200; i++) {
            List<TraceEvent> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            ProjectRun run = p.start(RunOptions.builder()
                    .scheduler(new io.pulseio.logic.time.ManualScheduler())
                    .trace(events::add)
                    .output(line -> {})
                    .build());
            run.stop(3);
            assertThat(run.awaitExit(Harness.WAIT)).isEqualTo(3);
            synchronized (events) {
                assertThat(events).as("run %d", i).first().isInstanceOf(TraceEvent.RunStarted.class);
                assertThat(events)
                        .as("run %d", i)
                        .last()
                        .isEqualTo(new TraceEvent.RunStopped(
                                events.get(events.size() - 1).t(), 3));
            }
        }
    }

    @Test
    void recursionBeyondTheCallDepthIsCutOff() throws Exception {
        LoadedProject p = load(
                "{'format':1,'name':'rec','logic':{'functions':[{'name':'f','nodes':["
                        + "{'id':'in','type':'core.functionInput'},{'id':'again','type':'core.callFunction','attributes':{'function':'f'}}],"
                        + "'links':[{'from':'in.out','to':'again.in'}]}],"
                        + "'project':{'nodes':[{'id':'s','type':'core.onProjectStart'},"
                        + "{'id':'call','type':'core.callFunction','attributes':{'function':'f'}}],"
                        + "'links':[{'from':'s.out','to':'call.in'}]}}}",
                new DemoPlugin());
        try (Harness.Session s = new Harness.Session(p, RunOptions.builder().maxCallDepth(8))) {
            s.idle();
            assertThat(errors(s)).singleElement().satisfies(e -> {
                assertThat(e.source()).isEqualTo("loop");
                assertThat(e.message()).isEqualTo("function calls nested deeper than 8");
            });
        }
    }

    /** fib(n): n when n < 2, else fib(n-1) + fib(n-2) from two Call Function nodes in the body. */
    static String fibonacci(int n) {
        return "{'format':1,'name':'fib','logic':{'functions':[{'name':'fib',"
                + "'inputs':[{'name':'n','type':'number'}],'outputs':[{'name':'r','type':'number'}],'nodes':["
                + "{'id':'in','type':'core.functionInput'},"
                + "{'id':'small','type':'core.compare','attributes':{'op':'<'},'inputs':{'b':2}},"
                + "{'id':'br','type':'core.branch'},"
                + "{'id':'base','type':'core.functionOutput'},"
                + "{'id':'n1','type':'core.math','attributes':{'op':'-'},'inputs':{'b':1}},"
                + "{'id':'n2','type':'core.math','attributes':{'op':'-'},'inputs':{'b':2}},"
                + "{'id':'a','type':'core.callFunction','attributes':{'function':'fib'}},"
                + "{'id':'b','type':'core.callFunction','attributes':{'function':'fib'}},"
                + "{'id':'sum','type':'core.math','attributes':{'op':'+'}},"
                + "{'id':'done','type':'core.functionOutput'}],"
                + "'links':[{'from':'in.out','to':'br.in'},{'from':'in.n','to':'small.a'},"
                + "{'from':'small.result','to':'br.condition'},{'from':'br.true','to':'base.in'},"
                + "{'from':'in.n','to':'base.r'},{'from':'in.n','to':'n1.a'},{'from':'in.n','to':'n2.a'},"
                + "{'from':'br.false','to':'a.in'},{'from':'n1.result','to':'a.n'},"
                + "{'from':'a.out','to':'b.in'},{'from':'n2.result','to':'b.n'},"
                + "{'from':'b.out','to':'done.in'},{'from':'a.r','to':'sum.a'},{'from':'b.r','to':'sum.b'},"
                + "{'from':'sum.result','to':'done.r'}]}],"
                + "'project':{'nodes':[{'id':'s','type':'core.onProjectStart'},"
                + "{'id':'call','type':'core.callFunction','attributes':{'function':'fib'},'inputs':{'n':" + n + "}},"
                + "{'id':'p','type':'core.print'}],"
                + "'links':[{'from':'s.out','to':'call.in'},{'from':'call.out','to':'p.in'},"
                + "{'from':'call.r','to':'p.message'}]}}}";
    }

    @Test
    void eachLevelOfARecursiveCallKeepsItsOwnNodeOutputs() throws Exception {
        for (int[] nf : new int[][] {{4, 3}, {6, 8}, {10, 55}}) {
            try (Harness.Session s = new Harness.Session(load(fibonacci(nf[0]), new DemoPlugin()))) {
                s.idle();
                assertThat(errors(s)).isEmpty();
                assertThat(s.output).as("fib(%d)", nf[0]).containsExactly(String.valueOf(nf[1]));
            }
        }
    }

    @Test
    void aLongChainNeedsNoJavaStack() throws Exception {
        StringBuilder nodes = new StringBuilder("{'id':'s','type':'core.onProjectStart'}");
        StringBuilder links = new StringBuilder("{'from':'s.out','to':'n0.in'}");
        int length = 20_000;
        for (int i = 0; i < length; i++) {
            nodes.append(",{'id':'n").append(i).append("','type':'core.sequence','attributes':{'count':1}}");
            if (i > 0) {
                links.append(",{'from':'n")
                        .append(i - 1)
                        .append(".then0','to':'n")
                        .append(i)
                        .append(".in'}");
            }
        }
        nodes.append(",{'id':'end','type':'core.print','inputs':{'message':'end'}}");
        links.append(",{'from':'n").append(length - 1).append(".then0','to':'end.in'}");
        LoadedProject p = load(
                "{'format':1,'name':'chain','logic':{'project':{'nodes':[" + nodes + "],'links':[" + links + "]}}}",
                new DemoPlugin());
        try (Harness.Session s = new Harness.Session(p)) {
            s.idle();
            assertThat(s.output).containsExactly("end");
            assertThat(errors(s)).isEmpty();
        }
    }

    @Test
    void listenerOutputsAreConvertedToTheirDeclaredType() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        LoadedProject p = load(
                "{'format':1,'name':'conv'," + CONNECTIONS + "'logic':{'project':{'nodes':["
                        + "{'id':'on','type':'demo.onMessage','attributes':{'configuration':'c'}},{'id':'p','type':'core.print'}],"
                        + "'links':[{'from':'on.out','to':'p.in'},{'from':'on.text','to':'p.message'}]}}}",
                demo);
        try (Harness.Session s = new Harness.Session(p)) {
            s.idle();
            demo.context.fireListeners("demo.onMessage", a -> true, Map.of("text", 2.0));
            s.idle();
            assertThat(s.output).containsExactly("2");
        }
    }

    @Test
    void aPluginThatFailsToStartStopsTheRunWithExitCode70() throws Exception {
        DemoPlugin broken = new DemoPlugin() {
            @Override
            public io.pulseio.logic.spi.PluginRun start(io.pulseio.logic.spi.PluginContext context) {
                throw new IllegalStateException("no network");
            }
        };
        LoadedProject p = load(
                "{'format':1,'name':'broken','logic':{'project':{'nodes':["
                        + "{'id':'s','type':'core.onProjectStart'},{'id':'p','type':'core.print','inputs':{'message':'ran'}}],"
                        + "'links':[{'from':'s.out','to':'p.in'}]}}}",
                broken);
        try (Harness.Session s = new Harness.Session(p)) {
            assertThat(s.run.awaitExit(Harness.WAIT)).isEqualTo(70);
            assertThat(s.output).isEmpty();
            assertThat(errors(s)).singleElement().satisfies(e -> {
                assertThat(e.source()).isEqualTo("runtime");
                assertThat(e.message()).isEqualTo("plugin 'demo' failed to start: no network");
            });
        }
    }
}
