package io.pulseio.logic.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.problem.ProblemKind;
import java.util.List;

/** What {@link Plugin#validate} sees, and where it reports. Used on one thread, during one load. */
public interface ValidationContext {

    /** The project being loaded. */
    ProjectSpec project();

    /** The plugin's settings section (expanded); a missing node when absent. */
    JsonNode settings();

    /** JSON path of the section, e.g. {@code $.settings.socketio}. */
    String settingsPath();

    /** This plugin's nodes, in every graph, whose type is known. */
    List<NodeSpec> nodes();

    /** A node's attributes with defaults applied. */
    Attributes attributes(NodeSpec node);

    /**
     * Reports a problem.
     *
     * @param path   JSON path, e.g. {@code settingsPath() + ".connections[1].port"} or {@code node.path() + ".attributes.configuration"}
     * @param nodeId the node concerned, or null
     * @param pin    the pin or attribute concerned, or null
     */
    void report(ProblemKind kind, String path, String nodeId, String pin, String message);
}
