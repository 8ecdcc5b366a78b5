package io.pulseio.logic.internal.load;

import io.pulseio.logic.model.GraphSpec;
import io.pulseio.logic.model.LinkSpec;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.NodeKind;
import io.pulseio.logic.spi.PinSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the links of one graph and fills the link tables of its nodes: ends, pins, types, double
 * wiring, then required inputs and cycles among computed nodes.
 */
final class LinkChecks {
    private final List<Problem> problems;

    LinkChecks(List<Problem> problems) {
        this.problems = problems;
    }

    /**
     * @param graph   the graph
     * @param byId    the graph's node ids; a null value marks a node whose type did not resolve
     */
    void check(GraphSpec graph, Map<String, ResolvedNode> byId) {
        Map<String, String> pulseOutputUse = new HashMap<>();
        Map<String, String> dataInputUse = new HashMap<>();
        for (LinkSpec link : graph.links()) {
            End from = end(link, link.from(), ".from", byId, true);
            End to = end(link, link.to(), ".to", byId, false);
            if (from == null || to == null) {
                continue;
            }
            PinSpec out = from.node.signature.outputs().get(from.pin);
            PinSpec in = to.node.signature.inputs().get(to.pin);
            if (!out.type().canFeed(in.type())) {
                problems.add(new Problem(
                        ProblemKind.TYPE_MISMATCH,
                        link.path(),
                        to.node.id(),
                        in.name(),
                        "cannot link " + out.type().id() + " output '" + link.from() + "' to "
                                + in.type().id() + " input '" + link.to() + "'"));
                continue;
            }
            if (out.isPulse()) {
                String previous = pulseOutputUse.putIfAbsent(link.from(), link.to());
                if (previous != null) {
                    problems.add(new Problem(
                            ProblemKind.PULSE_OUTPUT_WIRED_TWICE,
                            link.path(),
                            from.node.id(),
                            out.name(),
                            "pulse output '" + link.from() + "' is already linked to '" + previous + "'"));
                    continue;
                }
                from.node.targetNode[from.pin] = to.node;
                from.node.targetPin[from.pin] = to.pin;
            } else {
                String previous = dataInputUse.putIfAbsent(link.to(), link.from());
                if (previous != null) {
                    problems.add(new Problem(
                            ProblemKind.DATA_INPUT_WIRED_TWICE,
                            link.path(),
                            to.node.id(),
                            in.name(),
                            "data input '" + link.to() + "' is already linked from '" + previous + "'"));
                    continue;
                }
                to.node.sourceNode[to.pin] = from.node;
                to.node.sourcePin[to.pin] = from.pin;
            }
        }
        for (ResolvedNode node : byId.values()) {
            if (node != null) {
                requiredInputs(node);
            }
        }
        cycles(byId);
    }

    private record End(ResolvedNode node, int pin) {}

    private End end(LinkSpec link, String text, String field, Map<String, ResolvedNode> byId, boolean output) {
        String path = link.path() + field;
        String nodeId = LinkSpec.nodeOf(text);
        String pinName = LinkSpec.pinOf(text);
        if (nodeId == null) {
            problems.add(new Problem(
                    ProblemKind.MALFORMED_LINK, path, null, null, "'" + text + "' is not of the form nodeId.pin"));
            return null;
        }
        if (!byId.containsKey(nodeId)) {
            problems.add(new Problem(
                    ProblemKind.UNKNOWN_NODE, path, nodeId, pinName, "no node '" + nodeId + "' in this graph"));
            return null;
        }
        ResolvedNode node = byId.get(nodeId);
        if (node == null) {
            return null; // its type problem is reported already
        }
        int pin = output ? node.signature.outputIndex(pinName) : node.signature.inputIndex(pinName);
        if (pin < 0) {
            problems.add(new Problem(
                    ProblemKind.UNKNOWN_PIN,
                    path,
                    nodeId,
                    pinName,
                    "node '" + nodeId + "' (" + node.typeId() + ") has no " + (output ? "output" : "input") + " '"
                            + pinName + "'"));
            return null;
        }
        return new End(node, pin);
    }

    private void requiredInputs(ResolvedNode node) {
        List<PinSpec> inputs = node.signature.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            PinSpec pin = inputs.get(i);
            com.fasterxml.jackson.databind.JsonNode given =
                    node.spec.constants().get(pin.name());
            boolean badConstant = given != null && !given.isNull(); // reported as INVALID_VALUE already
            if (pin.isRequired() && node.sourceNode[i] == null && node.constant[i] == null && !badConstant) {
                problems.add(new Problem(
                        ProblemKind.MISSING_INPUT,
                        node.spec.path(),
                        node.id(),
                        pin.name(),
                        "required input '" + pin.name() + "' has neither a link nor a constant"));
            }
        }
    }

    /** Pure nodes pulling from each other in a circle would recurse forever: report each circle once. */
    private void cycles(Map<String, ResolvedNode> byId) {
        Set<ResolvedNode> done = new HashSet<>();
        for (ResolvedNode start : byId.values()) {
            if (start != null && isPure(start) && !done.contains(start)) {
                visit(start, new HashSet<>(), done);
            }
        }
    }

    private void visit(ResolvedNode node, Set<ResolvedNode> path, Set<ResolvedNode> done) {
        path.add(node);
        for (ResolvedNode source : node.sourceNode) {
            if (source == null || !isPure(source) || done.contains(source)) {
                continue;
            }
            if (path.contains(source)) {
                problems.add(new Problem(
                        ProblemKind.DATA_CYCLE,
                        node.spec.path(),
                        node.id(),
                        null,
                        "computed node '" + node.id() + "' depends on its own output through data links"));
                continue;
            }
            visit(source, path, done);
        }
        path.remove(node);
        done.add(node);
    }

    private static boolean isPure(ResolvedNode node) {
        return node.signature.kind() == NodeKind.PURE;
    }
}
