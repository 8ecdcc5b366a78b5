package io.pulseio.logic.spi;

import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.ProjectSpec;
import java.util.Objects;
import java.util.function.Function;

/**
 * A node type: one {@link NodeDescriptor} plus the behaviour its nodes get. Implementations must be
 * immutable and thread-safe; one instance serves every project and run.
 */
public interface NodeType {

    /** The toolbox entry and default signature. */
    NodeDescriptor descriptor();

    /**
     * The pins of one node. Called at load time (any thread) once the node's attributes are known
     * valid. The default returns the descriptor's pins; override when pins depend on attributes or on
     * the project (return descriptor pins when the attributes point at nothing: the loader reports that
     * through {@link Plugin#validate}).
     */
    default Signature signature(NodeSpec node, Attributes attributes, ProjectSpec project) {
        return Signature.of(descriptor());
    }

    /**
     * Creates the behaviour of one node for one run. Called on the logic thread while the run starts,
     * after every plugin's {@link Plugin#start}. Resolve pin indexes here so running allocates nothing.
     */
    NodeBehaviour create(NodeSetup setup);

    /** A node type with the descriptor's pins and behaviours made by {@code factory}. */
    static NodeType of(NodeDescriptor descriptor, Function<NodeSetup, NodeBehaviour> factory) {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(factory, "factory");
        return new NodeType() {
            @Override
            public NodeDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public NodeBehaviour create(NodeSetup setup) {
                return factory.apply(setup);
            }

            @Override
            public String toString() {
                return descriptor.typeId();
            }
        };
    }
}
