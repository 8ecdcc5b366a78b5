package io.pulseio.logic.internal.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.pulseio.logic.model.GraphSpec;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.Signature;
import io.pulseio.protocol.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a project in phases: parse (JSON, schema, env expansion) → validate (names, nodes, plugin
 * hooks) → link (link tables, required inputs, data cycles). Every phase that can run does, so one load
 * reports every problem; schema violations alone stop the later phases (the shape is unknown).
 */
public final class Loader {
    /** The largest project text the loader reads, in characters (a file's limit is in bytes, the same number). */
    public static final int MAX_CHARS = 16 * 1024 * 1024;
    /**
     * The project's mapper ({@link Json#MAPPER}: anything after the document is a syntax problem,
     * nesting is bounded) with one check more: a duplicate key is a syntax problem too.
     */
    private static final ObjectReader JSON = Json.MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private final Catalog catalog;
    private final Map<String, String> environment;

    /** A loader checking projects against {@code catalog}, expanding {@code ${env:NAME}} from {@code environment}. */
    public Loader(Catalog catalog, Map<String, String> environment) {
        this.catalog = catalog;
        this.environment = environment;
    }

    /**
     * Either a linked project (problems empty) or the problems; with the pins of every node whose type
     * is known and usable, by node id in file order (empty when the file did not parse or fit the schema).
     */
    public record Outcome(LinkedProject project, List<Problem> problems, Map<String, Signature> signatures) {
        Outcome(LinkedProject project, List<Problem> problems) {
            this(project, problems, Map.of());
        }
    }

    public Outcome load(String text) {
        List<Problem> problems = new ArrayList<>();
        if (text.length() > MAX_CHARS) {
            problems.add(new Problem(
                    ProblemKind.SYNTAX,
                    "$",
                    null,
                    null,
                    "the project is larger than " + MAX_CHARS / (1024 * 1024) + " MiB"));
            return new Outcome(null, problems);
        }
        JsonNode document;
        try {
            document = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(Syntax.problem(e));
            return new Outcome(null, problems);
        }
        if (document == null || document.isMissingNode()) {
            problems.add(new Problem(ProblemKind.SYNTAX, "$", null, null, "the file is empty"));
            return new Outcome(null, problems);
        }
        problems.addAll(SchemaCheck.check(document));
        if (!problems.isEmpty()) {
            return new Outcome(null, FileOrder.sort(document, problems));
        }
        EnvExpander environment = new EnvExpander(this.environment, problems);
        ProjectSpec spec = new ProjectParser(
                        environment,
                        id -> catalog.plugin(id).map(Plugin::canBeDisabled).orElse(true),
                        problems)
                .parse(document);
        new NameChecks(problems).check(spec);
        unknownSettings(spec, problems);
        List<ResolvedNode> nodes = new ArrayList<>();
        List<Map<String, ResolvedNode>> graphs = checkNodes(spec, nodes, problems);
        List<Plugin> enabled = catalog.plugins().stream()
                .filter(p -> !p.canBeDisabled() || spec.pluginEnabled(p.id()))
                .toList();
        for (Plugin p : enabled) {
            new PluginChecks(p, spec, nodes, problems).run();
        }
        LinkChecks links = new LinkChecks(problems);
        List<GraphSpec> specs = spec.graphs();
        for (int i = 0; i < specs.size(); i++) {
            links.check(specs.get(i), graphs.get(i));
        }
        Map<String, Signature> signatures = new LinkedHashMap<>();
        nodes.forEach(n -> signatures.put(n.spec.id(), n.signature));
        if (!problems.isEmpty()) {
            return new Outcome(null, FileOrder.sort(document, oneCauseEach(problems, environment)), signatures);
        }
        return new Outcome(new LinkedProject(spec, enabled, nodes), problems, signatures);
    }

    /** A settings section no installed plugin reads (a typo'd id, a plugin missing here) is said, not ignored. */
    private void unknownSettings(ProjectSpec spec, List<Problem> problems) {
        if (spec.settings() == null || !spec.settings().isObject()) {
            return;
        }
        List<String> installed = catalog.plugins().stream().map(Plugin::id).toList();
        spec.settings().fieldNames().forEachRemaining(id -> {
            if (!installed.contains(id)) {
                problems.add(new Problem(
                        ProblemKind.INVALID_SETTING,
                        "$.settings." + id,
                        null,
                        null,
                        "no plugin '" + id + "' is installed to read these settings (installed: "
                                + String.join(", ", installed) + ")"));
            }
        });
    }

    /**
     * Without the problems an unset variable caused in its field (the variable is the one cause), and
     * with every value that came from the environment masked.
     */
    private static List<Problem> oneCauseEach(List<Problem> problems, EnvExpander environment) {
        List<Problem> kept = new ArrayList<>();
        for (Problem p : problems) {
            if (p.kind() == ProblemKind.UNSET_ENVIRONMENT_VARIABLE || !environment.causedByUnset(p.path())) {
                kept.add(environment.redact(p));
            }
        }
        return kept;
    }

    /** Checks every node; returns, per graph, its ids mapped to resolved nodes (null when unresolved). */
    private List<Map<String, ResolvedNode>> checkNodes(
            ProjectSpec spec, List<ResolvedNode> all, List<Problem> problems) {
        NodeChecks checks = new NodeChecks(catalog, spec, problems);
        Map<String, String> firstPath = new HashMap<>();
        List<Map<String, ResolvedNode>> graphs = new ArrayList<>();
        for (GraphSpec graph : spec.graphs()) {
            Map<String, ResolvedNode> byId = new LinkedHashMap<>();
            for (NodeSpec node : graph.nodes()) {
                String first = firstPath.putIfAbsent(node.id(), node.path());
                if (first != null) {
                    problems.add(new Problem(
                            ProblemKind.DUPLICATE_ID,
                            node.path() + ".id",
                            node.id(),
                            null,
                            "duplicate node id '" + node.id() + "' (first at " + first + ")"));
                    // known in its graph, unresolved: its links are not reported again as naming no node
                    byId.putIfAbsent(node.id(), null);
                    continue;
                }
                ResolvedNode resolved = checks.check(node, graph);
                byId.put(node.id(), resolved);
                if (resolved != null) {
                    all.add(resolved);
                }
            }
            graphs.add(byId);
        }
        return graphs;
    }
}
