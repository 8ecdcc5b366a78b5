package io.pulseio.logic;

import static io.pulseio.logic.ValidationRulesTest.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Plugin;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryAndToolboxTest {

    static Plugin plugin(String id, String... typeIds) {
        return new Plugin() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<NodeType> nodeTypes() {
                return java.util.Arrays.stream(typeIds)
                        .map(t -> NodeType.of(
                                NodeDescriptor.builder(t, t, "X")
                                        .input(PinSpec.pulse("in"))
                                        .build(),
                                s -> NodeBehaviour.NONE))
                        .toList();
            }
        };
    }

    @Test
    void theRegistryRejectsADuplicateNodeType() {
        assertThatThrownBy(() -> NodeRegistry.of(plugin("a", "a.x"), plugin("b", "b.y"), plugin("a2", "a2.z", "a2.z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate node type id 'a2.z'");
    }

    @Test
    void theRegistryRejectsADuplicatePlugin() {
        assertThatThrownBy(() -> NodeRegistry.of(plugin("core", "core.extra")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate plugin id 'core'");
    }

    @Test
    void theRegistryRejectsATypeOutsideItsPluginPrefix() {
        assertThatThrownBy(() -> NodeRegistry.of(plugin("a", "b.x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node type 'b.x' of plugin 'a' must start with 'a.'");
    }

    @Test
    void pluginsAreFoundWithServiceLoader() {
        NodeRegistry registry = NodeRegistry.discover();
        assertThat(registry.plugins()).extracting(Plugin::id).containsExactly("core", "demo");
        assertThat(registry.type("demo.send")).isPresent();
    }

    @Test
    void theToolboxListsEveryCoreNodeAndHonoursPluginSwitches() throws Exception {
        NodeRegistry registry = NodeRegistry.of(new DemoPlugin());
        assertThat(registry.toolbox(id -> true))
                .extracting(NodeDescriptor::typeId)
                .contains(
                        "core.onProjectStart",
                        "core.onSceneStart",
                        "core.loadScene",
                        "core.print",
                        "core.sequence",
                        "core.branch",
                        "core.delay",
                        "core.timer",
                        "core.compare",
                        "core.math",
                        "core.formatString",
                        "core.jsonGet",
                        "core.getVariable",
                        "core.setVariable",
                        "core.onVariableChange",
                        "core.callFunction",
                        "core.functionInput",
                        "core.functionOutput",
                        "core.stopProject",
                        "demo.send");
        LoadedProject off = Harness.load(
                        q("{'format':1,'name':'t','plugins':{'demo':{'enabled':false}},'logic':{}}"), new DemoPlugin())
                .orThrow();
        assertThat(off.toolbox()).extracting(NodeDescriptor::pluginId).containsOnly("core");
        String json = Toolbox.json(off.toolbox());
        var tree = new ObjectMapper().readTree(json);
        assertThat(tree.size()).isEqualTo(22);
        var print = tree.get(2);
        assertThat(print.path("id").asText()).isEqualTo("core.print");
        assertThat(print.path("kind").asText()).isEqualTo("action");
        assertThat(print.path("inputs").get(1).toString())
                .isEqualTo("{\"name\":\"message\",\"type\":\"any\",\"required\":false,\"default\":\"\","
                        + "\"description\":\"text to print\"}");
    }

    @Test
    void theTextToolboxShowsPinsAndDefaults() {
        String text = Toolbox.text(NodeRegistry.of().toolbox(id -> true));
        assertThat(text)
                .contains("core.math  Math  [Data]  scopes: project, scene, function\n"
                        + "  result = a op b. Division or remainder by zero is an error.\n"
                        + "  attributes: op (string: + - * / % min max pow = \"+\")\n"
                        + "  in:  a (number = 0), b (number = 0)\n"
                        + "  out: result (number = 0)\n");
    }
}
