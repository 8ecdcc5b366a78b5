package io.pulseio.logic.model;

import java.util.Locale;

/** Where a node may be placed: the project graph, a scene graph, or a function body. */
public enum Scope {
    PROJECT,
    SCENE,
    FUNCTION;

    /** The lower-case name used in messages and the toolbox. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
