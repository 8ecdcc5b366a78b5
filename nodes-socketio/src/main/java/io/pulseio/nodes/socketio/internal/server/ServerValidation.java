package io.pulseio.nodes.socketio.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.ProblemKind;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.spi.ValidationContext;
import io.pulseio.nodes.socketio.internal.shared.DefaultOwner;
import io.pulseio.nodes.socketio.internal.shared.SocketIoProblems;
import java.util.ArrayList;
import java.util.List;

/**
 * The load-time checks of the server nodes: each one's {@code server} must name a server of
 * {@code settings.socketio.servers}. (The settings themselves are checked by {@code SettingsReader}; the
 * namespace, event name and JSON message constants by the checks shared with the client nodes.)
 */
public final class ServerValidation {
    private ServerValidation() {
    }

    public static void check(ValidationContext check) {
        List<String> names = names(check.settings());
        for (NodeSpec node : check.nodes()) {
            String server = check.attributes(node).string(ServerNodeTypes.SERVER);
            if (DefaultOwner.check(check, node, ServerNodeTypes.SERVER, server,
                    check.settings().path("servers").size(), "server") && server != null && !server.isEmpty() && !names.contains(server)) {
                check.report(SocketIoProblems.UNKNOWN_CONNECTION, node.path() + ".attributes." + ServerNodeTypes.SERVER,
                        node.id(), ServerNodeTypes.SERVER, "unknown server '" + server + "' ("
                                + (names.isEmpty() ? "no server is configured in settings.socketio.servers"
                                : "configured: " + String.join(", ", names)) + ")");
            }
        }
    }

    /** Names as written (valid or not), so that a node is not also blamed for its server's problems. */
    private static List<String> names(JsonNode section) {
        List<String> names = new ArrayList<>();
        JsonNode list = section.path("servers");
        if (list.isArray()) {
            list.forEach(s -> {
                JsonNode name = s.path("name");
                if (name.isTextual() && !name.textValue().isBlank() && !names.contains(name.textValue())) {
                    names.add(name.textValue());
                }
            });
        }
        return names;
    }
}
