package io.pulseio.bench.runtime;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.PluginContext;
import io.pulseio.logic.spi.PluginRun;
import java.util.List;

/**
 * A plugin for benchmarks only, built through the public node SPI: a listener the benchmark fires
 * ({@code bench.onCommand}), an action that hands a value back to it ({@code bench.report}), an action
 * that timestamps each pulse ({@code bench.lap}) and a counted loop ({@code bench.loop}). Not registered
 * with {@link java.util.ServiceLoader}: a benchmark passes an instance to its registry, and talks to the
 * run through that instance's {@link Probe}. One run at a time per instance.
 */
public final class BenchPlugin implements Plugin {
    public static final String ID = "bench";
    public static final String ON_COMMAND = "bench.onCommand";
    public static final String REPORT = "bench.report";
    public static final String LAP = "bench.lap";
    public static final String LOOP = "bench.loop";
    private static final String CATEGORY = "Benchmark";

    private final Probe probe = new Probe();
    private final List<NodeType> types = List.of(onCommand(), report(), lap(), loop());

    /** The benchmark's handle on the current run. */
    public Probe probe() {
        return probe;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<NodeType> nodeTypes() {
        return types;
    }

    @Override
    public PluginRun start(PluginContext context) {
        probe.attach(context);
        return new PluginRun() {
            @Override
            public void close() {
                probe.detach(context);
            }
        };
    }

    /** Fires {@code out} with {@code message} when the benchmark calls {@link Probe#command} with its name. */
    private static NodeType onCommand() {
        NodeDescriptor d = NodeDescriptor.builder(ON_COMMAND, "On Bench Command", CATEGORY)
                .attribute(AttributeSpec.optional("name", PinType.STRING, "", "the command; empty = any"))
                .output(PinSpec.pulse("out"))
                .output(PinSpec.optional("message", PinType.STRING, ""))
                .build();
        return NodeType.of(d, setup -> NodeBehaviour.NONE);
    }

    /** Hands {@code value} (as text) to the benchmark with the node's {@code tag}, then fires {@code out}. */
    private NodeType report() {
        NodeDescriptor d = NodeDescriptor.builder(REPORT, "Bench Report", CATEGORY)
                .attribute(AttributeSpec.optional("tag", PinType.STRING, "", "what the report is about"))
                .input(PinSpec.pulse("in"))
                .input(PinSpec.optional("value", PinType.ANY, ""))
                .output(PinSpec.pulse("out"))
                .build();
        return NodeType.of(d, setup -> {
            String tag = setup.attributes().string("tag");
            int value = setup.input("value");
            int out = setup.output("out");
            return new NodeBehaviour() {
                @Override
                public void run(NodeContext node, int pin) {
                    probe.report(tag, node.string(value));
                    node.fire(out);
                }
            };
        });
    }

    /** Records the time of each pulse; fires {@code out} until the laps the probe armed are all taken. */
    private NodeType lap() {
        NodeDescriptor d = NodeDescriptor.builder(LAP, "Bench Lap", CATEGORY)
                .input(PinSpec.pulse("in"))
                .output(PinSpec.pulse("out"))
                .build();
        return NodeType.of(d, setup -> {
            int out = setup.output("out");
            return new NodeBehaviour() {
                @Override
                public void run(NodeContext node, int pin) {
                    if (probe.lap()) {
                        node.fire(out);
                    }
                }
            };
        });
    }

    /** {@code in} fires {@code body}; each {@code next} fires {@code body} again, {@code times} in all, then {@code done}. */
    private static NodeType loop() {
        NodeDescriptor d = NodeDescriptor.builder(LOOP, "Bench Loop", CATEGORY)
                .attribute(AttributeSpec.optional("times", PinType.NUMBER, 1000.0, "body runs per pulse on in"))
                .input(PinSpec.pulse("in"))
                .input(PinSpec.pulse("next"))
                .output(PinSpec.pulse("body"))
                .output(PinSpec.pulse("done"))
                .build();
        return NodeType.of(d, setup -> {
            int times = (int) setup.attributes().number("times", 1000);
            int in = setup.input("in");
            int body = setup.output("body");
            int done = setup.output("done");
            return new NodeBehaviour() {
                private int left;

                @Override
                public void run(NodeContext node, int pin) {
                    if (pin == in) {
                        left = times;
                    }
                    if (left-- > 0) {
                        node.fire(body);
                    } else {
                        node.fire(done);
                    }
                }
            };
        });
    }
}
