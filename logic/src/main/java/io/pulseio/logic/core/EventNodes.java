package io.pulseio.logic.core;

import static io.pulseio.logic.core.Core.node;

import io.pulseio.logic.model.Scope;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import java.util.List;

/** Listeners of the run's own life: On Project Start and On Scene Start. */
final class EventNodes {
    static final String ON_PROJECT_START = "core.onProjectStart";
    static final String ON_SCENE_START = "core.onSceneStart";

    private EventNodes() {}

    static List<NodeType> types() {
        return List.of(
                NodeType.of(
                        node("onProjectStart", "On Project Start", "Events")
                                .description("Fires once when the run starts, before the start scene is entered.")
                                .scopes(Scope.PROJECT)
                                .output(PinSpec.pulse("out"))
                                .build(),
                        setup -> NodeBehaviour.NONE),
                NodeType.of(
                        node("onSceneStart", "On Scene Start", "Events")
                                .description("Fires each time its scene becomes the active scene.")
                                .scopes(Scope.SCENE)
                                .output(PinSpec.pulse("out"))
                                .build(),
                        setup -> NodeBehaviour.NONE));
    }
}
