package io.pulseio.cli;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Plugin;
import java.util.List;

/** A plugin that can be switched on and off, for the nodes and plugins commands. */
public final class TestPlugin implements Plugin {
    @Override
    public String id() {
        return "clidemo";
    }

    @Override
    public String displayName() {
        return "CLI demo";
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(NodeType.of(
                NodeDescriptor.builder("clidemo.pass", "Pass", "Demo")
                        .description("Fires out when in fires.")
                        .input(PinSpec.pulse("in"))
                        .input(PinSpec.optional("label", PinType.STRING, "x"))
                        .output(PinSpec.pulse("out"))
                        .build(),
                setup -> new NodeBehaviour() {
                    @Override
                    public void run(NodeContext node, int pulseInput) {
                        node.fire(0);
                    }
                }));
    }
}
