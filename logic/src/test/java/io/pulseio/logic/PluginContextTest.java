package io.pulseio.logic;

import static io.pulseio.logic.ExecutorTest.CONNECTIONS;
import static io.pulseio.logic.ExecutorTest.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.model.Scope;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.time.ManualScheduler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a plugin sees of a run: when fired listeners run, whether a trace is written, where a node is. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PluginContextTest {

    /** On Demo Message prints its text; a sequence sends it, then prints "after"; errors are printed. */
    static final String ECHO = "{'format':1,'name':'echo'," + CONNECTIONS + "'logic':{'project':{'nodes':["
            + "{'id':'on','type':'demo.onMessage','attributes':{'configuration':'c'}},"
            + "{'id':'print','type':'core.print'},"
            + "{'id':'seq','type':'core.sequence','attributes':{'count':2}},"
            + "{'id':'send','type':'demo.send','attributes':{'configuration':'c'}},"
            + "{'id':'after','type':'core.print','inputs':{'message':'after'}},"
            + "{'id':'err','type':'demo.onError','attributes':{'configuration':'c'}},"
            + "{'id':'show','type':'core.print'}],"
            + "'links':[{'from':'on.out','to':'print.in'},{'from':'on.text','to':'print.message'},"
            + "{'from':'print.out','to':'seq.in'},{'from':'seq.then0','to':'send.in'},"
            + "{'from':'on.text','to':'send.message'},{'from':'seq.then1','to':'after.in'},"
            + "{'from':'err.out','to':'show.in'},{'from':'err.message','to':'show.message'}]}}}";

    @Test
    void listenersFiredFromANetworkCallbackRunRightAfterItAheadOfQueuedEvents() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        try (Harness.Session s = new Harness.Session(load(ECHO, demo))) {
            s.idle();
            CountDownLatch hold = new CountDownLatch(1);
            demo.context.logicExecutor().execute(() -> await(hold));
            demo.context.logicExecutor().execute(() -> demo.receive("c", "from the network"));
            demo.context.logicExecutor().execute(() -> s.output.add("queued after it"));
            hold.countDown();
            s.idle();
            // before, the listener was queued behind the second task
            assertThat(s.output).containsExactly("from the network", "after", "queued after it");
        }
    }

    @Test
    void aFailedNodesErrorListenersRunInPlaceOfItsBranchBeforeTheNextBranch() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        try (Harness.Session s = new Harness.Session(load(ECHO, demo))) {
            s.idle();
            CountDownLatch hold = new CountDownLatch(1);
            demo.context.logicExecutor().execute(() -> await(hold));
            demo.context.logicExecutor().execute(() -> demo.receive("c", "fail"));
            demo.context.logicExecutor().execute(() -> demo.receive("c", "later"));
            hold.countDown();
            s.idle();
            // before, the error listener was queued: it ran after "after", and after the later message
            assertThat(s.output).containsExactly("fail", "cannot send 'fail'", "after", "later", "after");
        }
    }

    @Test
    void anErrorListenerThatCannotTakeItsValuesFailsWithoutFeedingItself() throws Exception {
        DemoPlugin demo = new DemoPlugin() {
            @Override
            void routeFailure(String configuration, String message) {
                context.fireListeners(
                        "demo.onError",
                        a -> configuration.equals(a.string("configuration")),
                        java.util.Map.of("missing", message)); // no such output: the listener fails
            }
        };
        try (Harness.Session s = new Harness.Session(load(ECHO, demo))) {
            s.idle();
            demo.context.logicExecutor().execute(() -> demo.receive("c", "fail"));
            s.idle();
            assertThat(s.output).containsExactly("fail", "after");
            assertThat(ExecutorTest.errors(s)).extracting(e -> e.node()).containsExactly("send", "err");
        }
    }

    @Test
    void anAnswerGivenByANetworkCallbackRunsRightAfterItAheadOfTheNextCallback() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        try (Harness.Session s = new Harness.Session(load(ASK_IN_PROJECT, demo))) {
            s.idle();
            Runnable answer = demo.answer;
            CountDownLatch hold = new CountDownLatch(1);
            demo.context.logicExecutor().execute(() -> await(hold));
            demo.context.logicExecutor().execute(answer);
            demo.context.logicExecutor().execute(() -> demo.receive("c", "event after the answer"));
            hold.countDown();
            s.idle();
            // before, the answer took a second trip through the queue and ran after the event
            assertThat(s.output).containsExactly("answered", "event after the answer");
        }
    }

    /** Asks at the start of the project; the answer prints "answered"; messages are printed. */
    static final String ASK_IN_PROJECT = "{'format':1,'name':'ask'," + CONNECTIONS + "'logic':{"
            + "'project':{'nodes':[{'id':'go','type':'core.onProjectStart'},{'id':'ask','type':'demo.ask'},"
            + "{'id':'answered','type':'core.print','inputs':{'message':'answered'}},"
            + "{'id':'on','type':'demo.onMessage','attributes':{'configuration':'c'}},{'id':'print','type':'core.print'}],"
            + "'links':[{'from':'go.out','to':'ask.in'},{'from':'ask.onAnswer','to':'answered.in'},"
            + "{'from':'on.out','to':'print.in'},{'from':'on.text','to':'print.message'}]}}}";

    @Test
    void listenersFiredFromAnotherThreadAreQueued() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        try (Harness.Session s = new Harness.Session(load(ECHO, demo))) {
            s.idle();
            demo.receive("c", "one");
            demo.receive("c", "two");
            s.idle();
            assertThat(s.output).containsExactly("one", "after", "two", "after");
        }
    }

    /** Scene "one" asks at its start; its answer prints "answered"; a project message loads scene "two". */
    static final String ASK = "{'format':1,'name':'ask'," + CONNECTIONS + "'logic':{"
            + "'project':{'nodes':[{'id':'go','type':'demo.onMessage','attributes':{'configuration':'c'}},"
            + "{'id':'load','type':'core.loadScene','attributes':{'scene':'two'}}],"
            + "'links':[{'from':'go.out','to':'load.in'}]},"
            + "'scenes':[{'name':'one','nodes':[{'id':'st','type':'core.onSceneStart'},"
            + "{'id':'ask','type':'demo.ask'},"
            + "{'id':'answered','type':'core.print','inputs':{'message':'answered'}}],"
            + "'links':[{'from':'st.out','to':'ask.in'},{'from':'ask.onAnswer','to':'answered.in'}]},"
            + "{'name':'two','nodes':[]}]}}";

    @Test
    void anAnswerFromAnotherThreadRunsOnceInItsNodesScope() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        try (Harness.Session s = new Harness.Session(load(ASK, demo))) {
            s.idle();
            Runnable answer = demo.answer;
            assertThat(answer).isNotNull();
            Thread network = new Thread(() -> {
                answer.run();
                answer.run(); // a second answer through the same executor is dropped
            });
            network.start();
            network.join(5_000);
            s.idle();
            assertThat(s.output).containsExactly("answered");
        }
    }

    @Test
    void anAnswerAfterItsSceneWasLeftIsDropped() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        try (Harness.Session s = new Harness.Session(load(ASK, demo))) {
            s.idle();
            Runnable answer = demo.answer;
            demo.receive("c", "go"); // leaves scene one
            s.idle();
            answer.run();
            s.idle();
            assertThat(s.output).isEmpty();
        }
    }

    @Test
    void tracingTellsWhetherTheRunWritesATrace() throws Exception {
        DemoPlugin traced = new DemoPlugin();
        try (Harness.Session s = new Harness.Session(load(ECHO, traced))) {
            s.idle();
            assertThat(traced.context.tracing()).isTrue();
        }
        DemoPlugin untraced = new DemoPlugin();
        ProjectRun run = load(ECHO, untraced)
                .start(RunOptions.builder()
                        .scheduler(new ManualScheduler())
                        .output(line -> {})
                        .build());
        try (run) {
            assertThat(run.awaitIdle(Harness.WAIT)).isTrue();
            assertThat(untraced.context.tracing()).isFalse();
        }
    }

    @Test
    void aNodeSetupTellsWhichGraphHoldsTheNode() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        DemoPlugin plugin = new DemoPlugin() {
            @Override
            public List<NodeType> nodeTypes() {
                return List.of(NodeType.of(
                        NodeDescriptor.builder("demo.where", "Where", "Demo")
                                .scopes(Scope.PROJECT, Scope.SCENE, Scope.FUNCTION)
                                .input(PinSpec.pulse("in"))
                                .build(),
                        setup -> {
                            seen.add(setup.spec().id() + " " + setup.scope() + " " + setup.owner());
                            return NodeBehaviour.NONE;
                        }));
            }
        };
        LoadedProject p = load(
                "{'format':1,'name':'where','logic':{"
                        + "'project':{'nodes':[{'id':'p','type':'demo.where'}]},"
                        + "'scenes':[{'name':'lobby','nodes':[{'id':'s','type':'demo.where'}]}],"
                        + "'functions':[{'name':'f','nodes':[{'id':'in','type':'core.functionInput'},{'id':'f','type':'demo.where'}]}]}}",
                plugin);
        try (Harness.Session s = new Harness.Session(p)) {
            s.idle();
            assertThat(seen).containsExactlyInAnyOrder("p PROJECT project", "s SCENE lobby", "f FUNCTION f");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
