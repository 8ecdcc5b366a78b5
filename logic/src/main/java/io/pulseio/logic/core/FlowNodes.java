package io.pulseio.logic.core;

import static io.pulseio.logic.core.Core.node;

import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Signature;
import java.util.ArrayList;
import java.util.List;

/** Print, Sequence, Branch, Load Scene, Stop Project. */
final class FlowNodes {
    /** Sequence outputs are {@code then0 … then(N-1)}; N is capped to keep the node readable. */
    static final int MAX_SEQUENCE = 16;

    private FlowNodes() {}

    static List<NodeType> types() {
        return List.of(print(), new SequenceType(), branch(), loadScene(), stopProject());
    }

    private static NodeType print() {
        NodeDescriptor d = node("print", "Print", "Flow")
                .description("Writes its message as one line to the run's output (standard output by default).")
                .input(PinSpec.pulse("in"))
                .input(PinSpec.optional("message", PinType.ANY, "").describedAs("text to print"))
                .output(PinSpec.pulse("out"))
                .build();
        return NodeType.of(d, setup -> {
            CoreServices services = Core.services(setup);
            int message = setup.input("message");
            int out = setup.output("out");
            return new NodeBehaviour() {
                @Override
                public void run(NodeContext node, int pin) {
                    services.print(node.string(message));
                    node.fire(out);
                }
            };
        });
    }

    /** Fires {@code then0}, {@code then1} … in order, each branch running to its end before the next. */
    static final class SequenceType implements NodeType {
        private static final NodeDescriptor DESCRIPTOR = node("sequence", "Sequence", "Flow")
                .description("Fires then0, then1 … in order; each branch runs to its end before the next starts.")
                .attribute(AttributeSpec.optional("count", PinType.NUMBER, 2.0, "number of outputs, 1 to 16"))
                .input(PinSpec.pulse("in"))
                .output(PinSpec.pulse("then0"))
                .output(PinSpec.pulse("then1"))
                .build();

        @Override
        public NodeDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public Signature signature(NodeSpec node, Attributes attributes, ProjectSpec project) {
            int count = (int) Math.max(1, Math.min(MAX_SEQUENCE, attributes.number("count", 2)));
            List<PinSpec> outs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                outs.add(PinSpec.pulse("then" + i));
            }
            return new Signature(DESCRIPTOR.inputs(), outs);
        }

        @Override
        public NodeBehaviour create(NodeSetup setup) {
            int count = setup.signature().outputs().size();
            return new NodeBehaviour() {
                @Override
                public void run(NodeContext node, int pin) {
                    for (int i = 0; i < count; i++) {
                        node.fire(i);
                    }
                }
            };
        }
    }

    private static NodeType branch() {
        NodeDescriptor d = node("branch", "Branch", "Flow")
                .description("Fires true or false depending on its condition.")
                .input(PinSpec.pulse("in"))
                .input(PinSpec.required("condition", PinType.BOOLEAN))
                .output(PinSpec.pulse("true"))
                .output(PinSpec.pulse("false"))
                .build();
        return NodeType.of(d, setup -> {
            int condition = setup.input("condition");
            int whenTrue = setup.output("true");
            int whenFalse = setup.output("false");
            return new NodeBehaviour() {
                @Override
                public void run(NodeContext node, int pin) {
                    node.fire(node.bool(condition) ? whenTrue : whenFalse);
                }
            };
        });
    }

    private static NodeType loadScene() {
        NodeDescriptor d = node("loadScene", "Load Scene", "Flow")
                .description("Switches to another scene once the current event is done; fires out first. "
                        + "Loading the active scene restarts it.")
                .attribute(AttributeSpec.required("scene", PinType.STRING, "name of the scene to enter"))
                .input(PinSpec.pulse("in"))
                .output(PinSpec.pulse("out"))
                .build();
        return NodeType.of(d, setup -> {
            CoreServices services = Core.services(setup);
            String scene = setup.attributes().string("scene");
            int out = setup.output("out");
            return new NodeBehaviour() {
                @Override
                public void run(NodeContext node, int pin) {
                    services.loadScene(scene);
                    node.fire(out);
                }
            };
        });
    }

    private static NodeType stopProject() {
        NodeDescriptor d = node("stopProject", "Stop Project", "Flow")
                .description("Stops the run with an exit code, printing its message first when there is one; "
                        + "nothing after it runs.")
                .input(PinSpec.pulse("in"))
                .input(PinSpec.optional("exitCode", PinType.NUMBER, 0.0).describedAs("process exit code, 0 to 255"))
                .input(PinSpec.optional("message", PinType.STRING, "")
                        .describedAs("printed as one line (like Print) before the run stops; empty: nothing"))
                .build();
        return NodeType.of(d, setup -> {
            CoreServices services = Core.services(setup);
            int exitCode = setup.input("exitCode");
            int message = setup.input("message");
            return new NodeBehaviour() {
                @Override
                public void run(NodeContext node, int pin) {
                    String text = node.string(message);
                    if (!text.isEmpty()) {
                        services.print(text);
                    }
                    services.stopProject(exitCode(node.number(exitCode)));
                }
            };
        });
    }

    /**
     * A process exit code from Stop Project's number: whole numbers 0 to 255 as they are, a fraction cut,
     * above 255 255; a negative number (a failure, as {@code exit(-1)} is) 255, never 0, and NaN 255.
     */
    static int exitCode(double n) {
        if (Double.isNaN(n) || n < 0) {
            return 255;
        }
        return (int) Math.min(255, n);
    }
}
