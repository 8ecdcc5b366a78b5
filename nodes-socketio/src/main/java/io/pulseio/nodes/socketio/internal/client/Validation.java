package io.pulseio.nodes.socketio.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.ProblemKind;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.ValidationContext;
import io.pulseio.nodes.socketio.internal.shared.DefaultOwner;
import io.pulseio.nodes.socketio.internal.shared.EventName;
import io.pulseio.nodes.socketio.internal.shared.MessageText;
import io.pulseio.nodes.socketio.internal.shared.SocketIoProblems;
import java.util.List;

/**
 * The plugin's load-time checks of the client nodes (after the settings section's, {@code SettingsReader}): each node's
 * {@code configuration}, its filter attributes and its constant inputs (what can be known before running).
 */
public final class Validation {
    private Validation() {
    }

    /** The node checks; the settings section was checked before ({@code SettingsReader}). */
    public static void check(ValidationContext check) {
        List<String> names = names(check.settings());
        for (NodeSpec node : check.nodes()) {
            Attributes attributes = check.attributes(node);
            String connection = attributes.string(NodeTypes.CONFIGURATION);
            if (DefaultOwner.check(check, node, NodeTypes.CONFIGURATION, connection,
                    check.settings().path("connections").size(), "connection")
                    && connection != null && !connection.isEmpty() && !names.contains(connection)) {
                check.report(SocketIoProblems.UNKNOWN_CONNECTION, node.path() + ".attributes." + NodeTypes.CONFIGURATION,
                        node.id(), NodeTypes.CONFIGURATION, "unknown connection '" + connection + "' ("
                                + (names.isEmpty() ? "no connection is configured in settings.socketio.connections"
                                : "configured: " + String.join(", ", names)) + ")");
            }
            String filter = attributes.string(NodeTypes.NAMESPACE);
            if (filter != null && !filter.isEmpty() && !filter.startsWith("/")) {
                check.report(ProblemKind.INVALID_ATTRIBUTE, node.path() + ".attributes." + NodeTypes.NAMESPACE,
                        node.id(), NodeTypes.NAMESPACE, "namespace must start with /, was \"" + filter + "\"");
            }
            AutoSubscriptions.check(check, node);
            if (node.type().equals(NodeTypes.SEND) || node.type().equals(NodeTypes.SEND_WITH_ACK)) {
                EmitArguments.check(check, node);
            }
            constants(check, node, attributes);
        }
    }

    /** Names as written (valid or not), so that a node is not also blamed for its connection's problems. */
    private static List<String> names(JsonNode section) {
        JsonNode list = section.path("connections");
        if (!list.isArray()) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>();
        list.forEach(c -> {
            JsonNode name = c.path("name");
            if (name.isTextual() && !name.textValue().isBlank() && !names.contains(name.textValue())) {
                names.add(name.textValue());
            }
        });
        return names;
    }

    private static void constants(ValidationContext check, NodeSpec node, Attributes attributes) {
        JsonNode namespace = node.constants().get(NodeTypes.NAMESPACE);
        if (namespace != null && namespace.isTextual() && !namespace.textValue().isEmpty()
                && !namespace.textValue().startsWith("/")) {
            check.report(ProblemKind.INVALID_VALUE, node.path() + ".inputs." + NodeTypes.NAMESPACE, node.id(),
                    NodeTypes.NAMESPACE, "namespace must start with /, was \"" + namespace.textValue() + "\"");
        }
        JsonNode event = node.constants().get(NodeTypes.EVENT_NAME);
        if (event != null && event.isTextual() && EventName.problem(event.textValue()) != null) {
            check.report(ProblemKind.INVALID_VALUE, node.path() + ".inputs." + NodeTypes.EVENT_NAME, node.id(),
                    NodeTypes.EVENT_NAME, EventName.problem(event.textValue()));
        }
        JsonNode message = node.constants().get("message");
        if (message != null && message.isTextual() && MessageText.JSON.equals(attributes.string(NodeTypes.MESSAGE_FORMAT))) {
            try {
                MessageText.parse(message.textValue());
            } catch (IllegalArgumentException e) {
                check.report(ProblemKind.INVALID_VALUE, node.path() + ".inputs.message", node.id(), "message",
                        e.getMessage());
            }
        }
    }
}
