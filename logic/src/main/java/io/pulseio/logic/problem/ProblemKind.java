package io.pulseio.logic.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What kind of problem a {@link Problem} is: one of the runtime's own kinds (the constants here), or a
 * kind a plugin declares ({@code Plugin#problemKinds}, made with {@link #of}). Kinds are equal when their
 * names are. Immutable, thread-safe.
 */
public final class ProblemKind {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final List<ProblemKind> RUNTIME = new ArrayList<>();

    /** The file is not well-formed JSON. */
    public static final ProblemKind SYNTAX = runtime("SYNTAX", "The file is not well-formed JSON.");
    /** The file does not match the project JSON Schema. */
    public static final ProblemKind SCHEMA = runtime("SCHEMA", "The file does not match the project JSON Schema.");
    /** A {@code ${env:NAME}} value names an unset environment variable. */
    public static final ProblemKind UNSET_ENVIRONMENT_VARIABLE =
            runtime("UNSET_ENVIRONMENT_VARIABLE", "A ${env:NAME} value names an unset environment variable.");
    /** Two nodes share an id. */
    public static final ProblemKind DUPLICATE_ID = runtime("DUPLICATE_ID", "Two nodes share an id.");
    /** Two scenes, functions, variables or function ports share a name. */
    public static final ProblemKind DUPLICATE_NAME =
            runtime("DUPLICATE_NAME", "Two scenes, functions, variables or function ports share a name.");
    /** No plugin provides the node's type. */
    public static final ProblemKind UNKNOWN_NODE_TYPE =
            runtime("UNKNOWN_NODE_TYPE", "No plugin provides the node's type.");
    /** The node's type belongs to a plugin the project switched off. */
    public static final ProblemKind PLUGIN_DISABLED =
            runtime("PLUGIN_DISABLED", "The node's type belongs to a plugin the project switched off.");
    /** The node's type may not be placed in this kind of graph. */
    public static final ProblemKind SCOPE_NOT_ALLOWED =
            runtime("SCOPE_NOT_ALLOWED", "The node's type may not be placed in this kind of graph.");
    /** An attribute the node type does not declare. */
    public static final ProblemKind UNKNOWN_ATTRIBUTE =
            runtime("UNKNOWN_ATTRIBUTE", "An attribute the node type does not declare.");
    /** A required attribute is absent. */
    public static final ProblemKind MISSING_ATTRIBUTE = runtime("MISSING_ATTRIBUTE", "A required attribute is absent.");
    /** An attribute value of the wrong type or outside its choices. */
    public static final ProblemKind INVALID_ATTRIBUTE =
            runtime("INVALID_ATTRIBUTE", "An attribute value of the wrong type or outside its choices.");
    /** A constant or initial value of the wrong type, or a constant on a pulse pin. */
    public static final ProblemKind INVALID_VALUE =
            runtime("INVALID_VALUE", "A constant or initial value of the wrong type, or a constant on a pulse pin.");
    /** A link end that is not {@code nodeId.pin}. */
    public static final ProblemKind MALFORMED_LINK = runtime("MALFORMED_LINK", "A link end that is not nodeId.pin.");
    /** A link to a node that is not in the same graph. */
    public static final ProblemKind UNKNOWN_NODE =
            runtime("UNKNOWN_NODE", "A link to a node that is not in the same graph.");
    /** A link or constant naming a pin the node does not have (or an input used as output). */
    public static final ProblemKind UNKNOWN_PIN = runtime(
            "UNKNOWN_PIN", "A link or constant naming a pin the node does not have (or an input used as output).");
    /** A pulse output linked to two inputs. */
    public static final ProblemKind PULSE_OUTPUT_WIRED_TWICE =
            runtime("PULSE_OUTPUT_WIRED_TWICE", "A pulse output linked to two inputs.");
    /** A data input linked from two outputs. */
    public static final ProblemKind DATA_INPUT_WIRED_TWICE =
            runtime("DATA_INPUT_WIRED_TWICE", "A data input linked from two outputs.");
    /** A link between pins of incompatible types. */
    public static final ProblemKind TYPE_MISMATCH =
            runtime("TYPE_MISMATCH", "A link between pins of incompatible types.");
    /** A required data input with neither a link nor a constant. */
    public static final ProblemKind MISSING_INPUT =
            runtime("MISSING_INPUT", "A required data input with neither a link nor a constant.");
    /** Data links among computed (pure) nodes that form a cycle. */
    public static final ProblemKind DATA_CYCLE =
            runtime("DATA_CYCLE", "Data links among computed (pure) nodes that form a cycle.");
    /** An attribute names a variable the project does not declare. */
    public static final ProblemKind UNKNOWN_VARIABLE =
            runtime("UNKNOWN_VARIABLE", "An attribute names a variable the project does not declare.");
    /** An attribute names a function the project does not declare. */
    public static final ProblemKind UNKNOWN_FUNCTION =
            runtime("UNKNOWN_FUNCTION", "An attribute names a function the project does not declare.");
    /** The start scene or a Load Scene attribute names a scene the project does not declare. */
    public static final ProblemKind UNKNOWN_SCENE = runtime(
            "UNKNOWN_SCENE", "The start scene or a Load Scene attribute names a scene the project does not declare.");
    /** A function without exactly one Function Input node. */
    public static final ProblemKind FUNCTION_ENTRY =
            runtime("FUNCTION_ENTRY", "A function without exactly one Function Input node.");
    /** Any other invalid plugin setting (plugin-reported). */
    public static final ProblemKind INVALID_SETTING =
            runtime("INVALID_SETTING", "Any other invalid plugin setting (plugin-reported).");

    private final String name;
    private final String description;

    private ProblemKind(String name, String description) {
        this.name = name;
        this.description = description;
    }

    private static ProblemKind runtime(String name, String description) {
        ProblemKind kind = new ProblemKind(name, description);
        RUNTIME.add(kind);
        return kind;
    }

    /**
     * A plugin's problem kind.
     *
     * @param name        upper case letters, digits and {@code _}, starting with a letter, e.g. {@code INVALID_URL}
     * @param description one line for people
     * @throws IllegalArgumentException when the name is malformed or is one of the runtime's
     */
    public static ProblemKind of(String name, String description) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a problem kind is named in upper case letters, digits and _, was '" + name + "'");
        }
        if (runtimeKinds().stream().anyMatch(k -> k.name.equals(name))) {
            throw new IllegalArgumentException("'" + name + "' is a problem kind of the runtime");
        }
        return new ProblemKind(name, description);
    }

    /** The runtime's own kinds, in the order they are documented. */
    public static List<ProblemKind> runtimeKinds() {
        return Collections.unmodifiableList(RUNTIME);
    }

    /** Whether this is one of the runtime's own kinds. */
    public boolean isRuntimeKind() {
        return RUNTIME.contains(this);
    }

    /** The name, e.g. {@code PLUGIN_DISABLED}: what {@code pulseio validate} prints. */
    public String name() {
        return name;
    }

    /** One line for people. */
    public String description() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProblemKind k && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
