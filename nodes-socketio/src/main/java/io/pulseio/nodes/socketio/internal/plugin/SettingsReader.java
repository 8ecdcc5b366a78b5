package io.pulseio.nodes.socketio.internal.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.nodes.socketio.internal.client.ConnectionReader;
import io.pulseio.nodes.socketio.internal.client.ConnectionSettings;
import io.pulseio.nodes.socketio.internal.server.ServerReader;
import io.pulseio.nodes.socketio.internal.server.ServerSettings;
import io.pulseio.nodes.socketio.internal.shared.ScalarReader;
import io.pulseio.nodes.socketio.internal.shared.SocketIoProblems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks the {@code socketio} settings section: its {@code connections}
 * ({@link ConnectionReader}) and its {@code servers} ({@link ServerReader}). Every problem is reported with
 * its JSON path and an exact message (the list is in {@code docs/socketio-nodes.md}); entries with
 * problems are left out of the result. Touches no network; checks that TLS files are readable.
 */
public final class SettingsReader {
    private static final Set<String> SECTION_FIELDS = Set.of("connections", "servers");

    /** The valid entries of the section, in file order. */
    public record Section(List<ConnectionSettings> connections, List<ServerSettings> servers) {
        public Section {
            connections = List.copyOf(connections);
            servers = List.copyOf(servers);
        }
    }

    private final ScalarReader values;

    private SettingsReader(ScalarReader.Sink sink) {
        this.values = new ScalarReader(sink);
    }

    /**
     * The valid connections and servers of {@code section} (a missing node gives none).
     *
     * @param path the section's JSON path, e.g. {@code $.settings.socketio}
     */
    public static Section readSection(JsonNode section, String path, ScalarReader.Sink sink) {
        return new SettingsReader(sink).section(section, path);
    }

    /** The valid connections of {@code section}; the servers are checked too. */
    public static List<ConnectionSettings> read(JsonNode section, String path, ScalarReader.Sink sink) {
        return readSection(section, path, sink).connections();
    }

    private Section section(JsonNode section, String path) {
        if (section == null || section.isMissingNode() || section.isNull()) {
            return new Section(List.of(), List.of());
        }
        values.unknownFields(section, path, SECTION_FIELDS, "setting");
        List<ConnectionSettings> connections = new ArrayList<>();
        ConnectionReader reader = new ConnectionReader(values);
        entries(
                section,
                path,
                "connections",
                "connection",
                (c, p) -> {
                    ConnectionSettings read = reader.read(c, p);
                    return read != null && clientAccepts(read, p) ? read : null;
                },
                connections);
        List<ServerSettings> servers = new ArrayList<>();
        ServerReader serverReader = new ServerReader(values);
        entries(section, path, "servers", "server", serverReader::read, servers);
        return new Section(connections, servers);
    }

    @FunctionalInterface
    private interface EntryReader<T> {
        /** The entry, or null after a problem. */
        T read(JsonNode entry, String path);
    }

    /** Reads the array {@code field}: each entry an object with a unique {@code name}. */
    private <T> void entries(
            JsonNode section, String path, String field, String what, EntryReader<T> reader, List<T> out) {
        JsonNode list = section.path(field);
        if (list.isMissingNode()) {
            return;
        }
        if (!list.isArray()) {
            values.report(ProblemKind.INVALID_SETTING, path + "." + field, field + " must be an array");
            return;
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String p = path + "." + field + "[" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                values.report(ProblemKind.INVALID_SETTING, p, "a " + what + " must be an object");
                continue;
            }
            int before = values.problems();
            T read = reader.read(entry, p);
            String name = ScalarReader.text(entry.get("name"));
            if (name != null && !name.isBlank()) {
                Integer first = firstIndex.putIfAbsent(name, i);
                if (first != null) {
                    values.report(
                            SocketIoProblems.DUPLICATE_CONNECTION,
                            p + ".name",
                            "duplicate " + what + " name '" + name + "' (first at " + field + "[" + first + "])");
                }
            }
            if (read != null && values.problems() == before) {
                out.add(read);
            }
        }
    }

    /** The client's own checks, as a last line (they should never fire after the checks above). */
    private boolean clientAccepts(ConnectionSettings settings, String p) {
        try {
            settings.toClientOptions(null, null);
            return true;
        } catch (IllegalArgumentException e) {
            values.report(ProblemKind.INVALID_SETTING, p, e.getMessage());
            return false;
        }
    }
}
