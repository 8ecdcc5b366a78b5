package io.pulseio.logic.internal.load;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.protocol.Json;

/** The {@code SYNTAX} problem for text that is not one well-formed JSON document. */
final class Syntax {
    private Syntax() {}

    /**
     * {@code invalid JSON at line L, column C: WHY}, at the JSON path where the parser stood (a
     * duplicate key names the object that has it twice).
     */
    static Problem problem(JsonProcessingException e) {
        var at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String why = plain(e.getOriginalMessage());
        String path = "$";
        if (e instanceof JsonParseException parse
                && parse.getProcessor() != null
                && why.startsWith("Duplicate field '")) {
            JsonPointer pointer = parse.getProcessor().getParsingContext().pathAsPointer();
            path = jsonPath(pointer);
            String key = why.substring("Duplicate field '".length(), why.indexOf('\'', "Duplicate field '".length()));
            why = "duplicate key '" + key + "'";
            path = path.endsWith("." + key) ? path.substring(0, path.length() - key.length() - 1) : path;
        } else if (e instanceof MismatchedInputException && why.startsWith("Trailing token")) {
            why = "unexpected content after the end of the JSON document";
        } else if (e instanceof StreamConstraintsException && why.startsWith("Document nesting depth")) {
            why = "arrays and objects nested deeper than " + Json.MAX_DEPTH;
        }
        return new Problem(ProblemKind.SYNTAX, path, null, null, "invalid JSON" + where + ": " + why);
    }

    private static final java.util.regex.Pattern START_MARKER = java.util.regex.Pattern.compile(
            "\\s*\\(start marker at \\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]\\)");
    private static final java.util.regex.Pattern SOURCE =
            java.util.regex.Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    /** The parser's words without its source descriptions ({@code [Source: REDACTED …; line: 1, column: 1]}). */
    static String plain(String why) {
        String out = START_MARKER.matcher(why).replaceAll(" (opened at line $1, column $2)");
        return SOURCE.matcher(out).replaceAll("line $1, column $2");
    }

    /** {@code /logic/scenes/0} as {@code $.logic.scenes[0]}. */
    private static String jsonPath(JsonPointer pointer) {
        StringBuilder b = new StringBuilder("$");
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                b.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                b.append('.').append(p.getMatchingProperty());
            }
        }
        return b.toString();
    }
}
