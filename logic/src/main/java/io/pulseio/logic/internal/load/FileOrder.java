package io.pulseio.logic.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.problem.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts problems in the order their places appear in the file, whichever check found them. A problem
 * about something absent (a missing attribute) sits where its nearest existing parent starts;
 * problems at the same place keep the order they were found in.
 */
final class FileOrder {
    private FileOrder() {}

    static List<Problem> sort(JsonNode document, List<Problem> problems) {
        if (problems.size() < 2) {
            return problems;
        }
        Map<String, Integer> positions = new HashMap<>();
        number(document, "$", positions);
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(p -> position(p.path(), positions)));
        return sorted;
    }

    /** Numbers every element below {@code node} in document order (a parent before its children). */
    private static void number(JsonNode node, String path, Map<String, Integer> positions) {
        positions.put(path, positions.size());
        if (node.isObject()) {
            node.properties().forEach(e -> number(e.getValue(), path + "." + e.getKey(), positions));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                number(node.get(i), path + "[" + i + "]", positions);
            }
        }
    }

    /** The position of {@code path}, or of its nearest parent that exists. */
    private static int position(String path, Map<String, Integer> positions) {
        for (String p = path; ; ) {
            Integer at = positions.get(p);
            if (at != null) {
                return at;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return 0;
            }
            p = p.substring(0, cut);
        }
    }
}
