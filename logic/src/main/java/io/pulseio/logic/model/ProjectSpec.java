package io.pulseio.logic.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed project file.
 *
 * @param format     file format version (currently 1)
 * @param name       project name
 * @param plugins    plugin switches by plugin id; a plugin not named here is enabled
 * @param settings   the {@code settings} object: one section per plugin id
 * @param variables  project variables
 * @param project    the project-scope graph (may be empty)
 * @param scenes     scenes in file order
 * @param startScene name of the scene entered at start; null when the project has no scenes
 * @param functions  functions in file order
 */
public record ProjectSpec(
        int format,
        String name,
        Map<String, Boolean> plugins,
        JsonNode settings,
        List<VariableSpec> variables,
        GraphSpec project,
        List<SceneSpec> scenes,
        String startScene,
        List<FunctionSpec> functions) {

    /** The format version this runtime reads. */
    public static final int FORMAT = 1;

    public ProjectSpec {
        plugins = Map.copyOf(plugins);
        variables = List.copyOf(variables);
        scenes = List.copyOf(scenes);
        functions = List.copyOf(functions);
    }

    /** Whether the plugin is switched on: true unless the project switches it off. */
    public boolean pluginEnabled(String pluginId) {
        return plugins.getOrDefault(pluginId, Boolean.TRUE);
    }

    /** The settings section of a plugin; a {@link MissingNode} when absent. */
    public JsonNode settings(String pluginId) {
        JsonNode section = settings == null ? null : settings.get(pluginId);
        return section == null ? MissingNode.getInstance() : section;
    }

    public Optional<VariableSpec> variable(String variableName) {
        return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
    }

    public Optional<FunctionSpec> function(String functionName) {
        return functions.stream().filter(f -> f.name().equals(functionName)).findFirst();
    }

    public Optional<SceneSpec> scene(String sceneName) {
        return scenes.stream().filter(s -> s.name().equals(sceneName)).findFirst();
    }

    /** Every graph: project first, then scenes, then functions. */
    public List<GraphSpec> graphs() {
        List<GraphSpec> all = new java.util.ArrayList<>();
        all.add(project);
        scenes.forEach(s -> all.add(s.graph()));
        functions.forEach(f -> all.add(f.graph()));
        return all;
    }
}
