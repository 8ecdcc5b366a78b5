package io.pulseio.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.server.BroadcastOperator;
import io.pulseio.server.Namespace;
import io.pulseio.server.ServerSocket;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI's commands, as the official instrument takes them: {@code emit(nsp, filter, event,
 * ...args)}, {@code join(nsp, room, filter)}, {@code leave(nsp, room, filter)} and
 * {@code _disconnect(nsp, close, filter)}, where {@code filter} is a room (often a socket id) or
 * null for the whole namespace. A command for a namespace the server does not have, or with
 * arguments of the wrong type, is logged and dropped: it never makes a namespace.
 */
final class Commands {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.admin");

    private Commands() {}

    /** Listens to the commands on one UI socket; {@code namespaces} finds a known namespace or null. */
    static void register(ServerSocket ui, Function<String, Namespace> namespaces) {
        ui.on(
                "emit",
                (args, ack) -> run("emit", args, namespaces, (nsp, a) -> {
                    String event = text(a, 2, "event");
                    Object[] rest = a.subList(Math.min(3, a.size()), a.size()).toArray();
                    target(nsp, a, 1).emit(event, rest);
                }));
        ui.on(
                "join",
                (args, ack) -> run(
                        "join", args, namespaces, (nsp, a) -> target(nsp, a, 2).socketsJoin(text(a, 1, "room"))));
        ui.on(
                "leave",
                (args, ack) -> run(
                        "leave", args, namespaces, (nsp, a) -> target(nsp, a, 2).socketsLeave(text(a, 1, "room"))));
        ui.on(
                "_disconnect",
                (args, ack) -> run(
                        "_disconnect",
                        args,
                        namespaces,
                        (nsp, a) -> target(nsp, a, 2)
                                .disconnectSockets(a.size() > 1 && a.get(1).asBoolean())));
    }

    private interface Action {
        void run(Namespace nsp, List<JsonNode> args);
    }

    private static void run(
            String command, List<JsonNode> args, Function<String, Namespace> namespaces, Action action) {
        try {
            String name = text(args, 0, "namespace");
            Namespace nsp = namespaces.apply(name);
            if (nsp == null) {
                throw new IllegalArgumentException("namespace '" + name + "' does not exist");
            }
            action.run(nsp, args);
        } catch (RuntimeException e) {
            LOG.info("admin command '{}' {} dropped: {}", command, args, e.getMessage());
        }
    }

    /** The namespace, or its sockets in the room given at {@code at} (the filter), if any. */
    private static BroadcastOperator target(Namespace nsp, List<JsonNode> args, int at) {
        JsonNode filter = at < args.size() ? args.get(at) : null;
        if (filter == null
                || filter.isNull()
                || (filter.isTextual() && filter.textValue().isEmpty())) {
            return nsp;
        }
        if (!filter.isTextual()) {
            throw new IllegalArgumentException(
                    "argument " + (at + 1) + " (filter) must be a room name," + " was " + filter);
        }
        return nsp.in(filter.textValue());
    }

    private static String text(List<JsonNode> args, int index, String what) {
        if (index >= args.size() || !args.get(index).isTextual()) {
            throw new IllegalArgumentException("argument " + (index + 1) + " (" + what + ") must be a string");
        }
        return args.get(index).textValue();
    }
}
