package io.pulseio.logic.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} inside string values of the settings, in place, reporting unset names,
 * and remembers what it replaced: a problem a plugin finds in a field whose variable is unset is a
 * consequence of that one cause ({@link #causedByUnset}), and the values that came from the
 * environment are secrets that no problem message may show ({@link #redact}).
 */
final class EnvExpander {
    private static final Pattern REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    /** Values shorter than this are masked only where they stand alone (not inside a longer word). */
    private static final int SHORT = 4;

    private final Map<String, String> environment;
    private final List<Problem> problems;
    private final List<String> unsetPaths = new ArrayList<>();
    /** Each replacement, longest value first once {@link #redact} is first called. */
    private final List<Replacement> replacements = new ArrayList<>();

    private boolean sorted;

    /** {@code secret} appears as {@code shown} in messages. */
    private record Replacement(String secret, String shown) {}

    EnvExpander(Map<String, String> environment, List<Problem> problems) {
        this.environment = environment;
        this.problems = problems;
    }

    /** Expands every string below {@code node}; returns the (possibly replaced) node. */
    JsonNode expand(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
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

    /**
     * True when {@code path} is a field (or lies inside a field) that named an unset variable: the
     * unset variable is then the problem, and what the plugin thought of the empty value is not.
     */
    boolean causedByUnset(String path) {
        for (String unset : unsetPaths) {
            if (path.equals(unset) || path.startsWith(unset + ".") || path.startsWith(unset + "[")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code problem} with every value that came from the environment shown as the text written in
     * the file ({@code ${env:NAME}}), also in its JSON-escaped form.
     */
    Problem redact(Problem problem) {
        if (replacements.isEmpty()) {
            return problem;
        }
        if (!sorted) {
            replacements.sort(Comparator.comparingInt((Replacement r) -> r.secret.length())
                    .reversed());
            sorted = true;
        }
        String message = problem.message();
        for (Replacement r : replacements) {
            message = mask(message, r.secret, r.shown);
            String escaped = TextNode.valueOf(r.secret).toString();
            escaped = escaped.substring(1, escaped.length() - 1);
            if (!escaped.equals(r.secret)) {
                message = mask(message, escaped, r.shown);
            }
        }
        return message.equals(problem.message())
                ? problem
                : new Problem(problem.kind(), problem.path(), problem.nodeId(), problem.pin(), message);
    }

    private static String mask(String message, String secret, String shown) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = message.indexOf(secret); at >= 0; at = message.indexOf(secret, at + secret.length())) {
            if (secret.length() < SHORT && !standsAlone(message, at, at + secret.length())) {
                continue;
            }
            out.append(message, from, at).append(shown);
            from = at + secret.length();
        }
        return out.append(message.substring(from)).toString();
    }

    private static boolean standsAlone(String text, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }

    private String expandText(String text, String path) {
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean unset = false;
        while (m.find()) {
            String name = m.group(1);
            String value = environment.get(name);
            if (value == null) {
                problems.add(new Problem(
                        ProblemKind.UNSET_ENVIRONMENT_VARIABLE,
                        path,
                        null,
                        null,
                        "environment variable '" + name + "' is not set"));
                unset = true;
                value = "";
            } else if (!value.isEmpty()) {
                replacements.add(new Replacement(value, m.group()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (unset) {
            unsetPaths.add(path);
        }
        String expanded = out.toString();
        if (!expanded.isEmpty() && !expanded.equals(text)) {
            replacements.add(new Replacement(expanded, text));
        }
        return expanded;
    }
}
