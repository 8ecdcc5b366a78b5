package io.pulseio.logic.model;

import java.util.List;

/**
 * Nodes and links of one graph.
 *
 * @param scope where the graph lives
 * @param owner the scene or function name; {@code "project"} for the project graph
 * @param path  JSON path of the object holding {@code nodes} and {@code links}
 */
public record GraphSpec(Scope scope, String owner, String path, List<NodeSpec> nodes, List<LinkSpec> links) {

    public GraphSpec {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    /** An empty graph. */
    public static GraphSpec empty(Scope scope, String owner, String path) {
        return new GraphSpec(scope, owner, path, List.of(), List.of());
    }

    /** A short label for messages and the trace: {@code project}, {@code scene:main}, {@code function:add}. */
    public String label() {
        return scope == Scope.PROJECT ? "project" : scope.id() + ":" + owner;
    }
}
