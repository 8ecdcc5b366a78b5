package io.pulseio.logic;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeFailure;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.PluginContext;
import io.pulseio.logic.spi.PluginRun;
import io.pulseio.logic.spi.ValidationContext;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plugin shaped like the Socket.IO one, for tests: settings with named connections, nodes with a
 * {@code configuration} attribute, an error listener its failures are routed to.
 */
public class DemoPlugin implements Plugin {
    static final ProblemKind UNKNOWN_CONNECTION = ProblemKind.of("UNKNOWN_CONNECTION", "no such connection");
    static final ProblemKind DUPLICATE_CONNECTION =
            ProblemKind.of("DUPLICATE_CONNECTION", "two connections share a name");
    static final ProblemKind INVALID_URL = ProblemKind.of("INVALID_URL", "a URL that cannot be used");
    static final ProblemKind INVALID_PORT = ProblemKind.of("INVALID_PORT", "a port outside 1..65535");
    volatile PluginContext context;
    final List<String> log = new CopyOnWriteArrayList<>();
    int computed;
    /** Answers the last Demo Ask (from any thread), through its answerLater executor. */
    volatile Runnable answer;

    @Override
    public String id() {
        return "demo";
    }

    @Override
    public Set<String> traceKinds() {
        return Set.of("sent", "received");
    }

    @Override
    public List<ProblemKind> problemKinds() {
        return List.of(UNKNOWN_CONNECTION, DUPLICATE_CONNECTION, INVALID_URL, INVALID_PORT);
    }

    /** A sent or received record, fields in the order of the Socket.IO plugin's. */
    static Map<String, Object> message(String connection, String text) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("connection", connection);
        fields.put("namespace", "/");
        fields.put("name", "message");
        fields.put("payload", text);
        return fields;
    }

    @Override
    public List<NodeType> nodeTypes() {
        AttributeSpec configuration = AttributeSpec.required("configuration", PinType.STRING, "connection name");
        return List.of(
                NodeType.of(
                        NodeDescriptor.builder("demo.send", "Demo Send", "Demo")
                                .attribute(configuration)
                                .input(PinSpec.pulse("in"))
                                .input(PinSpec.optional("message", PinType.STRING, ""))
                                .output(PinSpec.pulse("out"))
                                .build(),
                        setup -> new NodeBehaviour() {
                            final int message = setup.input("message");

                            @Override
                            public void run(NodeContext node, int pin) {
                                String text = node.string(message);
                                if (text.equals("fail")) {
                                    throw new IllegalStateException("cannot send 'fail'");
                                }
                                context.trace("sent", message(node.attributes().string("configuration"), text));
                                node.fire(0);
                            }
                        }),
                NodeType.of(
                        NodeDescriptor.builder("demo.onMessage", "On Demo Message", "Demo")
                                .scopes(Scope.PROJECT, Scope.SCENE)
                                .attribute(configuration)
                                .output(PinSpec.pulse("out"))
                                .output(PinSpec.optional("text", PinType.STRING, ""))
                                .build(),
                        setup -> NodeBehaviour.NONE),
                NodeType.of(
                        NodeDescriptor.builder("demo.onError", "On Demo Error", "Demo")
                                .scopes(Scope.PROJECT, Scope.SCENE)
                                .attribute(configuration)
                                .output(PinSpec.pulse("out"))
                                .output(PinSpec.optional("message", PinType.STRING, ""))
                                .build(),
                        setup -> NodeBehaviour.NONE),
                NodeType.of(
                        NodeDescriptor.builder("demo.ask", "Demo Ask", "Demo")
                                .scopes(Scope.PROJECT, Scope.SCENE)
                                .input(PinSpec.pulse("in"))
                                .output(PinSpec.pulse("out"))
                                .output(PinSpec.pulse("onAnswer"))
                                .build(),
                        setup -> new NodeBehaviour() {
                            @Override
                            public void run(NodeContext node, int pin) {
                                java.util.concurrent.Executor later = node.answerLater();
                                answer = () -> later.execute(() -> node.fire(1));
                                node.fire(0);
                            }
                        }),
                NodeType.of(
                        NodeDescriptor.builder("demo.counter", "Demo Counter", "Demo")
                                .output(PinSpec.optional("value", PinType.NUMBER, 0.0))
                                .build(),
                        setup -> new NodeBehaviour() {
                            @Override
                            public Object compute(NodeContext node, int output) {
                                return (double) ++computed;
                            }
                        }));
    }

    @Override
    public void validate(ValidationContext check) {
        Set<String> names = new HashSet<>();
        JsonNode connections = check.settings().path("connections");
        for (int i = 0; i < connections.size(); i++) {
            JsonNode c = connections.get(i);
            String path = check.settingsPath() + ".connections[" + i + "]";
            String name = c.path("name").asText();
            if (!names.add(name)) {
                check.report(
                        DemoPlugin.DUPLICATE_CONNECTION,
                        path + ".name",
                        null,
                        null,
                        "duplicate connection name '" + name + "'");
            }
            String url = c.path("url").asText();
            try {
                URI uri = new URI(url);
                if (uri.getHost() == null
                        || !Set.of("http", "https", "ws", "wss").contains(uri.getScheme())) {
                    throw new IllegalArgumentException();
                }
            } catch (Exception e) {
                check.report(DemoPlugin.INVALID_URL, path + ".url", null, null, "invalid URL '" + url + "'");
            }
            if (c.has("port") && (c.get("port").asInt() < 1 || c.get("port").asInt() > 65535)) {
                check.report(
                        DemoPlugin.INVALID_PORT,
                        path + ".port",
                        null,
                        null,
                        "port must be 1 to 65535, was " + c.get("port").asText());
            }
        }
        for (NodeSpec node : check.nodes()) {
            String configuration = check.attributes(node).string("configuration");
            if (configuration != null && !names.contains(configuration)) {
                check.report(
                        DemoPlugin.UNKNOWN_CONNECTION,
                        node.path() + ".attributes.configuration",
                        node.id(),
                        "configuration",
                        "unknown connection '" + configuration + "'");
            }
        }
    }

    @Override
    public PluginRun start(PluginContext context) {
        this.context = context;
        log.add("start " + context.settings().path("connections").size());
        return new PluginRun() {
            @Override
            public void sceneChanged(String from, String to) {
                log.add("scene " + from + " -> " + to);
            }

            @Override
            public void nodeFailed(NodeFailure failure) {
                routeFailure(failure.attributes().string("configuration"), failure.message());
            }

            @Override
            public void close() {
                log.add("close");
            }
        };
    }

    /** Fires the error listeners of a connection for a failed node (tests may route differently). */
    void routeFailure(String configuration, String message) {
        context.fireListeners(
                "demo.onError", a -> configuration.equals(a.string("configuration")), Map.of("message", message));
    }

    /** Delivers a message to On Demo Message listeners of a connection, as the network layer would. */
    void receive(String connection, String text) {
        context.trace("received", message(connection, text));
        context.fireListeners(
                "demo.onMessage", a -> connection.equals(a.string("configuration")), Map.of("text", text));
    }
}
