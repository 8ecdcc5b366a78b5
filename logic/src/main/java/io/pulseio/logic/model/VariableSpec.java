package io.pulseio.logic.model;

/**
 * A project variable.
 *
 * @param name    unique name
 * @param type    STRING, NUMBER, BOOLEAN or JSON
 * @param initial initial runtime value (see {@link PinType}); the type's zero when the file omits it
 * @param path    JSON path of the variable object
 */
public record VariableSpec(String name, PinType type, Object initial, String path) {}
