package io.pulseio.nodes.socketio;

import io.pulseio.logic.LoadResult;
import io.pulseio.logic.NodeRegistry;
import io.pulseio.logic.ProjectLoader;
import java.util.Map;

/** Small project files for the plugin's tests. */
final class Projects {
    private Projects() {}

    /** A project with these connections (JSON array items) and project-graph nodes and links. */
    static String project(String connections, String nodes, String links) {
        return """
                {"format": 1, "name": "t",
                 "settings": {"socketio": {"connections": [%s]}},
                 "logic": {"project": {"nodes": [%s], "links": [%s]}}}
                """.formatted(connections, nodes, links);
    }

    /** A project with one connection and no nodes. */
    static String withConnection(String connection) {
        return project(connection, "", "");
    }

    static LoadResult load(String json) {
        return loader(Map.of()).load(json);
    }

    static ProjectLoader loader(Map<String, String> env) {
        return ProjectLoader.builder()
                .registry(NodeRegistry.of(new SocketIoPlugin()))
                .environment(env)
                .build();
    }
}
