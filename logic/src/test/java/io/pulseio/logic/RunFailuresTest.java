package io.pulseio.logic;

import static io.pulseio.logic.ExecutorTest.CONNECTIONS;
import static io.pulseio.logic.ExecutorTest.errors;
import static io.pulseio.logic.ExecutorTest.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.PluginContext;
import io.pulseio.logic.spi.PluginRun;
import io.pulseio.logic.spi.Signature;
import io.pulseio.logic.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failures that are not a node's ordinary failure: JVM errors, bad listener values. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunFailuresTest {

    /** A demo plugin with one more node, demo.crash, whose behaviour throws {@code error}. */
    private static DemoPlugin crashing(Error error) {
        return new DemoPlugin() {
            @Override
            public List<NodeType> nodeTypes() {
                List<NodeType> all = new ArrayList<>(super.nodeTypes());
                all.add(NodeType.of(
                        NodeDescriptor.builder("demo.crash", "Demo Crash", "Demo")
                                .input(PinSpec.pulse("in"))
                                .output(PinSpec.pulse("out"))
                                .build(),
                        setup -> new NodeBehaviour() {
                            @Override
                            public void run(NodeContext node, int pin) {
                                throw error;
                            }
                        }));
                return all;
            }
        };
    }

    @Test
    void anErrorThrownByANodeEndsTheRunAsARuntimeFailureWithExitCode70() throws Exception {
        LoadedProject p = load(
                "{'format':1,'name':'crash','logic':{'project':{'nodes':["
                        + "{'id':'s','type':'core.onProjectStart'},{'id':'x','type':'demo.crash'},"
                        + "{'id':'p','type':'core.print','inputs':{'message':'after'}}],"
                        + "'links':[{'from':'s.out','to':'x.in'},{'from':'x.out','to':'p.in'}]}}}",
                crashing(new StackOverflowError()));
        try (Harness.Session s = new Harness.Session(p)) {
            assertThat(s.run.awaitExit(Harness.WAIT)).isEqualTo(70);
            assertThat(s.output).isEmpty();
            assertThat(errors(s)).singleElement().satisfies(e -> {
                assertThat(e.source()).isEqualTo("runtime");
                assertThat(e.message()).isEqualTo("StackOverflowError");
            });
            assertThat(s.events.get(s.events.size() - 1))
                    .isInstanceOfSatisfying(
                            TraceEvent.RunStopped.class,
                            e -> assertThat(e.exitCode()).isEqualTo(70));
        }
    }

    @Test
    void anErrorWhileClosingAPluginStillEndsTheTraceAndTheRun() throws Exception {
        DemoPlugin broken = new DemoPlugin() {
            @Override
            public PluginRun start(PluginContext context) {
                return new PluginRun() {
                    @Override
                    public void close() {
                        throw new OutOfMemoryError("closing");
                    }
                };
            }
        };
        LoadedProject p = load("{'format':1,'name':'close','logic':{}}", broken);
        try (Harness.Session s = new Harness.Session(p)) {
            s.idle();
            s.run.stop(0);
            assertThat(s.run.awaitExit(Harness.WAIT)).isEqualTo(70);
            assertThat(errors(s))
                    .singleElement()
                    .extracting(TraceEvent.Error::message)
                    .isEqualTo("closing");
            assertThat(s.events.get(s.events.size() - 1)).isInstanceOf(TraceEvent.RunStopped.class);
        }
    }

    /** A demo plugin with one more listener, demo.onValue, whose value output has the type its attribute names. */
    private static DemoPlugin withTypedListener() {
        NodeDescriptor d = NodeDescriptor.builder("demo.onValue", "On Demo Value", "Demo")
                .scopes(Scope.PROJECT, Scope.SCENE)
                .attribute(AttributeSpec.required("configuration", PinType.STRING, "connection name"))
                .attribute(AttributeSpec.required("type", PinType.STRING, "type of value"))
                .output(PinSpec.pulse("out"))
                .output(PinSpec.required("value", PinType.ANY))
                .build();
        NodeType typed = new NodeType() {
            @Override
            public NodeDescriptor descriptor() {
                return d;
            }

            @Override
            public Signature signature(NodeSpec node, Attributes attributes, ProjectSpec project) {
                return new Signature(
                        List.of(),
                        List.of(
                                PinSpec.pulse("out"),
                                PinSpec.required("value", PinType.fromId(attributes.string("type")))));
            }

            @Override
            public NodeBehaviour create(NodeSetup setup) {
                return NodeBehaviour.NONE;
            }
        };
        return new DemoPlugin() {
            @Override
            public List<NodeType> nodeTypes() {
                List<NodeType> all = new ArrayList<>(super.nodeTypes());
                all.add(typed);
                return all;
            }
        };
    }

    @Test
    void aBadOutputValueFailsOnlyItsOwnListener() throws Exception {
        DemoPlugin demo = withTypedListener();
        LoadedProject p = load(
                "{'format':1,'name':'bad'," + CONNECTIONS + "'logic':{'project':{'nodes':["
                        + "{'id':'num','type':'demo.onValue','attributes':{'configuration':'c','type':'number'}},"
                        + "{'id':'pn','type':'core.print'},"
                        + "{'id':'str','type':'demo.onValue','attributes':{'configuration':'c','type':'string'}},"
                        + "{'id':'ps','type':'core.print'},"
                        + "{'id':'err','type':'demo.onError','attributes':{'configuration':'c'}},"
                        + "{'id':'pe','type':'core.print'}],"
                        + "'links':[{'from':'num.out','to':'pn.in'},{'from':'num.value','to':'pn.message'},"
                        + "{'from':'str.out','to':'ps.in'},{'from':'str.value','to':'ps.message'},"
                        + "{'from':'err.out','to':'pe.in'},{'from':'err.message','to':'pe.message'}]}}}",
                demo);
        try (Harness.Session s = new Harness.Session(p)) {
            s.idle();
            demo.context.fireListeners("demo.onValue", a -> true, Map.of("value", "abc"));
            s.idle();
            assertThat(errors(s)).singleElement().satisfies(e -> {
                assertThat(e.source()).isEqualTo("node");
                assertThat(e.node()).isEqualTo("num");
                assertThat(e.nodeType()).isEqualTo("demo.onValue");
            });
            // the failure went to the plugin's error listener at once, then the string listener still fired
            assertThat(s.output).containsExactly("not a number: \"abc\"", "abc");
        }
    }
}
