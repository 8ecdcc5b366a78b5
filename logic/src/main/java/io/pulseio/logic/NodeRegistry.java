package io.pulseio.logic;

import io.pulseio.logic.core.CorePlugin;
import io.pulseio.logic.internal.load.Catalog;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every installed plugin and node type. The core plugin is always present and first. Rejects duplicate
 * plugin ids, duplicate node type ids, type ids outside their plugin's prefix, and trace or problem kinds
 * that two plugins declare (or a trace kind of the runtime's own). Immutable, thread-safe.
 */
public final class NodeRegistry {
    private static final Pattern TRACE_KIND = Pattern.compile("[a-z][A-Za-z0-9]*");
    private final List<Plugin> plugins;
    private final Map<String, NodeType> types;
    private final Map<String, Plugin> pluginsById;

    private NodeRegistry(List<Plugin> plugins) {
        Map<String, Plugin> byId = new LinkedHashMap<>();
        Map<String, NodeType> byType = new LinkedHashMap<>();
        Map<String, String> traceKinds = new HashMap<>();
        Map<String, String> problemKinds = new HashMap<>();
        for (Plugin p : plugins) {
            if (byId.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("duplicate plugin id '" + p.id() + "'");
            }
            for (String kind : p.traceKinds()) {
                if (!TRACE_KIND.matcher(kind).matches()) {
                    throw new IllegalArgumentException("plugin '" + p.id() + "': trace kind '" + kind
                            + "' must be letters and digits starting with a lower-case letter");
                }
                if (TraceEvent.RUNTIME_KINDS.contains(kind)) {
                    throw new IllegalArgumentException(
                            "plugin '" + p.id() + "': '" + kind + "' is a trace kind of the runtime");
                }
                String other = traceKinds.putIfAbsent(kind, p.id());
                if (other != null) {
                    throw new IllegalArgumentException(
                            "plugins '" + other + "' and '" + p.id() + "' both declare the trace kind '" + kind + "'");
                }
            }
            for (ProblemKind kind : p.problemKinds()) {
                String other = problemKinds.putIfAbsent(kind.name(), p.id());
                if (other != null) {
                    throw new IllegalArgumentException(
                            "plugins '" + other + "' and '" + p.id() + "' both declare the problem kind " + kind);
                }
            }
            for (NodeType t : p.nodeTypes()) {
                String id = t.descriptor().typeId();
                if (!id.startsWith(p.id() + ".")) {
                    throw new IllegalArgumentException(
                            "node type '" + id + "' of plugin '" + p.id() + "' must start with '" + p.id() + ".'");
                }
                if (byType.putIfAbsent(id, t) != null) {
                    throw new IllegalArgumentException("duplicate node type id '" + id + "'");
                }
            }
        }
        this.plugins = List.copyOf(byId.values());
        this.pluginsById = Collections.unmodifiableMap(byId);
        this.types = Collections.unmodifiableMap(byType);
    }

    /** The core plugin plus {@code plugins}, in that order. */
    public static NodeRegistry of(List<? extends Plugin> plugins) {
        List<Plugin> all = new ArrayList<>();
        all.add(new CorePlugin());
        all.addAll(plugins);
        return new NodeRegistry(all);
    }

    /** The core plugin plus {@code plugins}. */
    public static NodeRegistry of(Plugin... plugins) {
        return of(List.of(plugins));
    }

    /** The core plugin plus every {@link Plugin} that {@link ServiceLoader} finds through {@code loader}. */
    public static NodeRegistry discover(ClassLoader loader) {
        List<Plugin> found = new ArrayList<>();
        ServiceLoader.load(Plugin.class, loader).forEach(found::add);
        return of(found);
    }

    /** {@link #discover(ClassLoader)} with this class's loader. */
    public static NodeRegistry discover() {
        return discover(NodeRegistry.class.getClassLoader());
    }

    /** Plugins, core first. */
    public List<Plugin> plugins() {
        return plugins;
    }

    public Optional<Plugin> plugin(String pluginId) {
        return Optional.ofNullable(pluginsById.get(pluginId));
    }

    public Optional<NodeType> type(String typeId) {
        return Optional.ofNullable(types.get(typeId));
    }

    /** The plugin owning a node type id (by prefix); empty when no such plugin is installed. */
    public Optional<Plugin> pluginOf(String typeId) {
        int dot = typeId.indexOf('.');
        return dot < 0 ? Optional.empty() : plugin(typeId.substring(0, dot));
    }

    /**
     * The toolbox: descriptors of every node type whose plugin is enabled, plugin by plugin in
     * registration order. {@code enabled} is asked with plugin ids; the core plugin is always included.
     */
    public List<NodeDescriptor> toolbox(Predicate<String> enabled) {
        List<NodeDescriptor> list = new ArrayList<>();
        for (Plugin p : plugins) {
            if (!p.canBeDisabled() || enabled.test(p.id())) {
                p.nodeTypes().forEach(t -> list.add(t.descriptor()));
            }
        }
        return list;
    }

    /** This registry as the loader looks things up in it. */
    Catalog catalog() {
        NodeRegistry registry = this;
        return new Catalog() {
            @Override
            public List<Plugin> plugins() {
                return registry.plugins();
            }

            @Override
            public Optional<Plugin> plugin(String pluginId) {
                return registry.plugin(pluginId);
            }

            @Override
            public Optional<NodeType> type(String typeId) {
                return registry.type(typeId);
            }

            @Override
            public Optional<Plugin> pluginOf(String typeId) {
                return registry.pluginOf(typeId);
            }
        };
    }
}
