package io.pulseio.logic.model;

import java.util.List;

/**
 * A function: a graph with typed inputs and outputs, entered through its Function Input node and
 * left through a Function Output node; called by Call Function from any scope.
 */
public record FunctionSpec(String name, String path, List<PortSpec> inputs, List<PortSpec> outputs, GraphSpec graph) {

    public FunctionSpec {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
