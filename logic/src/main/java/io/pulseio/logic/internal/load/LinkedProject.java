package io.pulseio.logic.internal.load;

import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.spi.Plugin;
import java.util.List;

/**
 * A project that passed every check: its spec, the enabled plugins (core first) and every node with
 * link tables. Immutable once built; shared by all runs of the project.
 */
public record LinkedProject(ProjectSpec spec, List<Plugin> plugins, List<ResolvedNode> nodes) {

    public LinkedProject {
        plugins = List.copyOf(plugins);
        nodes = List.copyOf(nodes);
    }
}
