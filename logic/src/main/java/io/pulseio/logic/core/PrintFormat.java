package io.pulseio.logic.core;

import static io.pulseio.logic.core.Core.node;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;

/**
 * Print Format ({@code core.printFormat}): Print and Format String in one node. The format follows Format
 * String's rules ({@code {0}} … {@code {3}} for {@code arg0} … {@code arg3}, {@code {{} and {@code }}} for
 * braces, anything else kept as written).
 */
final class PrintFormat {
    private PrintFormat() {}

    static NodeType type() {
        NodeDescriptor.Builder b = node("printFormat", "Print Format", "Flow")
                .description("Prints format with {0} … {3} replaced by arg0 … arg3 (as Format String), as one line.")
                .input(PinSpec.pulse("in"))
                .input(PinSpec.required("format", PinType.STRING).describedAs("e.g. \"server got: {0}\""));
        for (int i = 0; i < DataNodes.FORMAT_ARGS; i++) {
            b.input(PinSpec.optional("arg" + i, PinType.ANY, "").describedAs("the value of {" + i + "}"));
        }
        NodeDescriptor d = b.output(PinSpec.pulse("out")).build();
        return NodeType.of(d, setup -> {
            CoreServices services = Core.services(setup);
            int format = setup.input("format");
            int[] args = new int[DataNodes.FORMAT_ARGS];
            for (int i = 0; i < args.length; i++) {
                args[i] = setup.input("arg" + i);
            }
            int out = setup.output("out");
            return new NodeBehaviour() {
                @Override
                public void run(NodeContext node, int pin) {
                    services.print(DataNodes.format(node.string(format), i -> node.string(args[i])));
                    node.fire(out);
                }
            };
        });
    }
}
