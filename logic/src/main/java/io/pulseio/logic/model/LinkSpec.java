package io.pulseio.logic.model;

/**
 * A link {@code "from": "nodeId.pin"} to {@code "to": "nodeId.pin"}: from an output to an input of a
 * node in the same graph.
 *
 * @param from the output end as written
 * @param to   the input end as written
 * @param path JSON path of the link object
 */
public record LinkSpec(String from, String to, String path) {

    /** The node id of an end ({@code "a.b.out"} is node {@code a.b}, pin {@code out}); null if malformed. */
    public static String nodeOf(String end) {
        int dot = end.lastIndexOf('.');
        return dot <= 0 || dot == end.length() - 1 ? null : end.substring(0, dot);
    }

    /** The pin name of an end; null if malformed. */
    public static String pinOf(String end) {
        int dot = end.lastIndexOf('.');
        return dot <= 0 || dot == end.length() - 1 ? null : end.substring(dot + 1);
    }
}
