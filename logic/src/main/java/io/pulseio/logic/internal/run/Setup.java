package io.pulseio.logic.internal.run;

import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.PluginRun;
import io.pulseio.logic.spi.Signature;

/** {@link NodeSetup} for one node while its behaviour is created. */
final class Setup implements NodeSetup {
    private final LiveNode node;
    private final PluginRun pluginRun;

    Setup(LiveNode node, PluginRun pluginRun) {
        this.node = node;
        this.pluginRun = pluginRun;
    }

    @Override
    public NodeSpec spec() {
        return node.resolved.spec;
    }

    @Override
    public Attributes attributes() {
        return node.resolved.attributes;
    }

    @Override
    public Signature signature() {
        return node.resolved.signature;
    }

    @Override
    public Scope scope() {
        return node.resolved.graph.scope();
    }

    @Override
    public String owner() {
        return node.resolved.graph.owner();
    }

    @Override
    public ProjectSpec project() {
        return node.interpreter.run.project.spec();
    }

    @Override
    public int input(String name) {
        int i = node.resolved.signature.inputIndex(name);
        if (i < 0) {
            throw new IllegalArgumentException(node + " has no input '" + name + "'");
        }
        return i;
    }

    @Override
    public int output(String name) {
        int i = node.resolved.signature.outputIndex(name);
        if (i < 0) {
            throw new IllegalArgumentException(node + " has no output '" + name + "'");
        }
        return i;
    }

    @Override
    public void makeFunctionEntry() {
        if (node.resolved.graph.scope() != Scope.FUNCTION) {
            throw new IllegalStateException(node + " is not in a function body");
        }
        if (!node.interpreter.run.state.claimEntry(node.resolved.graph.owner())) {
            throw new IllegalStateException("function '" + node.resolved.graph.owner() + "' has an entry node already");
        }
        node.functionEntry = true;
    }

    @Override
    public <T> T pluginRun(Class<T> type) {
        return type.cast(pluginRun);
    }
}
