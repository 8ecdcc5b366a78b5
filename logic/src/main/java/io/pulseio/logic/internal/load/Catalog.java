package io.pulseio.logic.internal.load;

import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.Plugin;
import java.util.List;
import java.util.Optional;

/**
 * The installed plugins and node types a project is checked against, as the loader sees them. The
 * API's {@code NodeRegistry} provides one (it does the checks of duplicates and prefixes); the loader
 * only looks things up. Implementations are immutable and thread-safe.
 */
public interface Catalog {

    /** Every installed plugin, the core plugin first. */
    List<Plugin> plugins();

    /** The plugin with this id; empty when none is installed. */
    Optional<Plugin> plugin(String pluginId);

    /** The node type with this id; empty when no installed plugin provides it. */
    Optional<NodeType> type(String typeId);

    /** The plugin owning a node type id (by prefix); empty when no such plugin is installed. */
    Optional<Plugin> pluginOf(String typeId);
}
