package io.pulseio.nodes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.LoadResult;
import io.pulseio.logic.NodeRegistry;
import io.pulseio.logic.ProjectLoader;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.NodeDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin switch: on by default; off hides the nodes, ignores the settings, rejects projects using them. */
class PluginSwitchTest {
    private static final String BAD_SETTINGS =
            "\"settings\": {\"socketio\": {\"connections\": [{\"url\": \"gopher://x\"}]}}";

    private static String project(String plugins, String settings, String nodes) {
        return """
                {"format": 1, "name": "t", %s %s "logic": {"project": {"nodes": [%s]}}}""".formatted(plugins, settings, nodes);
    }

    private static LoadResult load(String json) {
        return ProjectLoader.builder().build().load(json);
    }

    @Test
    void thePluginIsFoundByServiceLoaderAndOnByDefault() {
        assertThat(NodeRegistry.discover().plugin(SocketIoPlugin.ID)).isPresent();
        LoadResult result = load(project("", "", ""));
        assertThat(result.isValid()).isTrue();
        assertThat(typeIds(result))
                .contains(
                        "socketio.start",
                        "socketio.stop",
                        "socketio.send",
                        "socketio.subscribe",
                        "socketio.unsubscribe",
                        "socketio.onStart",
                        "socketio.onStop",
                        "socketio.onReceive",
                        "socketio.onError",
                        "socketio.onSubscribe",
                        "socketio.onUnsubscribe",
                        "socketio.sendWithAck");
    }

    @Test
    void switchedOffItsNodesAreAbsentFromTheToolbox() {
        LoadResult result = load(project("\"plugins\": {\"socketio\": {\"enabled\": false}},", "", ""));
        assertThat(result.isValid()).isTrue();
        assertThat(typeIds(result)).isNotEmpty().noneMatch(id -> id.startsWith("socketio."));
    }

    @Test
    void switchedOffItsSettingsAreIgnored() {
        assertThat(load(project("", BAD_SETTINGS + ",", "")).isValid()).isFalse();
        LoadResult off = load(project("\"plugins\": {\"socketio\": {\"enabled\": false}},", BAD_SETTINGS + ",", ""));
        assertThat(off.problems()).isEmpty();
    }

    @Test
    void switchedOffAProjectUsingItsNodesIsRejectedNamingEach() {
        LoadResult result = load(project("\"plugins\": {\"socketio\": {\"enabled\": false}},", "", """
                {"id": "go", "type": "socketio.start", "attributes": {"configuration": "main"}},
                {"id": "hear", "type": "socketio.onReceive", "attributes": {"configuration": "main"}}"""));
        assertThat(result.problems())
                .extracting(Problem::kind)
                .containsExactly(ProblemKind.PLUGIN_DISABLED, ProblemKind.PLUGIN_DISABLED);
        assertThat(result.problems()).extracting(Problem::nodeId).containsExactly("go", "hear");
        assertThat(result.problems().get(0).message()).contains("socketio");
    }

    private static List<String> typeIds(LoadResult result) {
        return result.orThrow().toolbox().stream().map(NodeDescriptor::typeId).toList();
    }
}
