package io.pulseio.logic.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pulseio.logic.Problem;
import io.pulseio.logic.ProblemKind;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${env:NAME}} inside string values of the settings, in place, reporting unset names. */
final class EnvExpander {
    private static final Pattern REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private final Map<String, String> environment;
    private final List<Problem> problems;

    EnvExpander(Map<String, String> environment, List<Problem> problems) {
        this.environment = environment;
        this.problems = problems;
    }

    /** Expands every string below {@code node}; returns the (possibly replaced) node. */
    JsonNode expand(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            List<String> names = new java.util.ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, expand(object.get(name), path + "." + name));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, expand(array.get(i), path + "[" + i + "]"));
            }
            return array;
        }
        if (node.isTextual() && node.textValue().contains("${env:")) {
            return TextNode.valueOf(expandText(node.textValue(), path));
        }
        return node;
    }

    private String expandText(String text, String path) {
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = environment.get(name);
            if (value == null) {
                problems.add(new Problem(ProblemKind.UNSET_ENVIRONMENT_VARIABLE, path, null, null,
                        "environment variable '" + name + "' is not set"));
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
