package io.pulseio.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Plugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The complete example in docs/project-format.md loads without problems. */
class DocsExampleTest {

    /** Stands in for the Socket.IO plugin: the four node types the example uses, with the spec's pins. */
    static final class SocketIoStandIn implements Plugin {
        @Override
        public String id() {
            return "socketio";
        }

        @Override
        public List<NodeType> nodeTypes() {
            AttributeSpec configuration = AttributeSpec.required("configuration", PinType.STRING, "");
            return List.of(
                    type(NodeDescriptor.builder("socketio.start", "Socket.IO Start", "Socket.IO")
                            .attribute(configuration)
                            .input(PinSpec.pulse("in"))
                            .output(PinSpec.pulse("out"))),
                    type(NodeDescriptor.builder("socketio.send", "Socket.IO Send", "Socket.IO")
                            .attribute(configuration)
                            .input(PinSpec.pulse("in"))
                            .input(PinSpec.required("eventName", PinType.STRING))
                            .input(PinSpec.optional("namespace", PinType.STRING, "/"))
                            .input(PinSpec.optional("message", PinType.STRING, ""))
                            .output(PinSpec.pulse("out"))),
                    type(NodeDescriptor.builder("socketio.onStart", "On Socket.IO Start", "Socket.IO")
                            .scopes(Scope.PROJECT, Scope.SCENE)
                            .attribute(configuration)
                            .output(PinSpec.pulse("out"))),
                    type(NodeDescriptor.builder("socketio.onReceive", "On Socket.IO Receive", "Socket.IO")
                            .scopes(Scope.PROJECT, Scope.SCENE)
                            .attribute(configuration)
                            .output(PinSpec.pulse("out"))
                            .output(PinSpec.optional("namespace", PinType.STRING, "/"))
                            .output(PinSpec.optional("triggerName", PinType.STRING, ""))
                            .output(PinSpec.optional("message", PinType.STRING, ""))));
        }

        private static NodeType type(NodeDescriptor.Builder b) {
            return NodeType.of(b.build(), s -> NodeBehaviour.NONE);
        }
    }

    @Test
    void theCompleteExampleIsAValidProject() throws Exception {
        String doc = Files.readString(Path.of("../docs/project-format.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String json = doc.substring(start, doc.indexOf("```", start));
        LoadResult result = Harness.loader(Map.of("HELLO_TOKEN", "secret"), new SocketIoStandIn())
                .load(json);
        assertThat(result.problems()).isEmpty();
        assertThat(result.orThrow()
                        .spec()
                        .settings("socketio")
                        .path("connections")
                        .get(0)
                        .path("auth")
                        .path("token")
                        .asText())
                .isEqualTo("secret");
    }
}
