package io.pulseio.logic.core;

import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeSetup;

/** Small helpers shared by the core node definitions. */
final class Core {
    private Core() {}

    static NodeDescriptor.Builder node(String name, String displayName, String category) {
        return NodeDescriptor.builder(CorePlugin.ID + "." + name, displayName, category);
    }

    static CoreServices services(NodeSetup setup) {
        return setup.pluginRun(CorePlugin.CoreRun.class).services();
    }
}
