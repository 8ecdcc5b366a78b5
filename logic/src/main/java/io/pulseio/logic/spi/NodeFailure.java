package io.pulseio.logic.spi;

/**
 * A node execution that failed.
 *
 * @param nodeId     the node
 * @param typeId     its type
 * @param attributes its attributes (e.g. the connection it uses)
 * @param message    what went wrong, for people
 * @param cause      the exception thrown; may be null
 */
public record NodeFailure(String nodeId, String typeId, Attributes attributes, String message, Throwable cause) {}
