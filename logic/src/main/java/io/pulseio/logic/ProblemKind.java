package io.pulseio.logic;

/** Every kind of problem the loader reports. Plugins report the settings kinds through their hook. */
public enum ProblemKind {
    /** The file is not well-formed JSON. */
    SYNTAX,
    /** The file does not match the project JSON Schema. */
    SCHEMA,
    /** A {@code ${env:NAME}} value names an unset environment variable. */
    UNSET_ENVIRONMENT_VARIABLE,
    /** Two nodes share an id. */
    DUPLICATE_ID,
    /** Two scenes, functions, variables or function ports share a name. */
    DUPLICATE_NAME,
    /** No plugin provides the node's type. */
    UNKNOWN_NODE_TYPE,
    /** The node's type belongs to a plugin the project switched off. */
    PLUGIN_DISABLED,
    /** The node's type may not be placed in this kind of graph. */
    SCOPE_NOT_ALLOWED,
    /** An attribute the node type does not declare. */
    UNKNOWN_ATTRIBUTE,
    /** A required attribute is absent. */
    MISSING_ATTRIBUTE,
    /** An attribute value of the wrong type or outside its choices. */
    INVALID_ATTRIBUTE,
    /** A constant or initial value of the wrong type, or a constant on a pulse pin. */
    INVALID_VALUE,
    /** A link end that is not {@code nodeId.pin}. */
    MALFORMED_LINK,
    /** A link to a node that is not in the same graph. */
    UNKNOWN_NODE,
    /** A link or constant naming a pin the node does not have (or an input used as output). */
    UNKNOWN_PIN,
    /** A pulse output linked to two inputs. */
    PULSE_OUTPUT_WIRED_TWICE,
    /** A data input linked from two outputs. */
    DATA_INPUT_WIRED_TWICE,
    /** A link between pins of incompatible types. */
    TYPE_MISMATCH,
    /** A required data input with neither a link nor a constant. */
    MISSING_INPUT,
    /** Data links among computed (pure) nodes that form a cycle. */
    DATA_CYCLE,
    /** An attribute names a variable the project does not declare. */
    UNKNOWN_VARIABLE,
    /** An attribute names a function the project does not declare. */
    UNKNOWN_FUNCTION,
    /** The start scene or a Load Scene attribute names a scene the project does not declare. */
    UNKNOWN_SCENE,
    /** A function without exactly one Function Input node. */
    FUNCTION_ENTRY,
    /** A {@code configuration} attribute names no configured connection (plugin-reported). */
    UNKNOWN_CONNECTION,
    /** Two connections share a name (plugin-reported). */
    DUPLICATE_CONNECTION,
    /** A connection URL that cannot be used (plugin-reported). */
    INVALID_URL,
    /** A port outside 1..65535 (plugin-reported). */
    INVALID_PORT,
    /** Any other invalid plugin setting (plugin-reported). */
    INVALID_SETTING
}
