package io.pulseio.nodes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.LoadResult;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.nodes.socketio.internal.shared.SocketIoProblems;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code settings.socketio.servers[].adapter}: the cluster a hosted server joins. This module has no
 * adapter on its class path, so a well-formed Redis adapter setting meets the message that says which
 * module to add; with {@code pulseio-adapter-redis} present (the CLI, the interop tests) it loads.
 */
class ServerAdapterSettingsTest {
    private static final String A = "$.settings.socketio.servers[0].adapter";
    private static final String MISSING = "no cluster adapter for redis:// URLs ('%s'): add "
            + "io.pulseio:pulseio-adapter-redis to the class path or module path";

    private static String project(String adapter) {
        return """
                {"format": 1, "name": "t",
                 "settings": {"socketio": {"servers": [{"name": "hmi", "port": 0, "adapter": %s}]}},
                 "logic": {"project": {"nodes": [], "links": []}}}
                """.formatted(adapter);
    }

    private static void assertOnlyProblem(String adapter, ProblemKind kind, String path, String message) {
        LoadResult result = Projects.load(project(adapter));
        assertThat(result.problems()).containsExactly(new Problem(kind, path, null, null, message));
    }

    @Test
    void withoutTheRedisModuleTheProblemSaysWhatToAdd() {
        assertOnlyProblem(
                "\"redis://127.0.0.1:6379\"",
                ProblemKind.INVALID_SETTING,
                A,
                MISSING.formatted("redis://127.0.0.1:6379"));
        assertOnlyProblem(
                "{\"url\": \"redis://:pw@127.0.0.1:6379\", \"kind\": \"classic\"}",
                ProblemKind.INVALID_SETTING,
                A,
                MISSING.formatted("redis://:***@127.0.0.1:6379"));
    }

    @Test
    void theUrlAndPasswordMayComeFromTheEnvironmentAndAreNeverShown() {
        LoadResult result = Projects.loader(
                        Map.of("REDIS_URL", "redis://:topsecret@cache:6379", "REDIS_PASSWORD", "hunter22"))
                .load(project("{\"url\": \"${env:REDIS_URL}\", \"password\": \"${env:REDIS_PASSWORD}\"}"));
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).message())
                .contains("no cluster adapter for redis:// URLs")
                .doesNotContain("topsecret")
                .doesNotContain("hunter22");
    }

    @Test
    void anUnsetVariableIsTheOneProblem() {
        LoadResult result = Projects.load(project("{\"url\": \"${env:REDIS_URL}\"}"));
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).path()).isEqualTo(A + ".url");
        assertThat(result.problems().get(0).message()).contains("REDIS_URL");
    }

    @Test
    void anAdapterIsAUrlOrAnObject() {
        assertOnlyProblem(
                "5",
                ProblemKind.INVALID_SETTING,
                A,
                "adapter must be a URL such as "
                        + "\"redis://host:6379\" or an object {url, kind, password, key, options}, was 5");
    }

    @Test
    void theObjectNeedsAUrlAndKnowsItsFields() {
        assertOnlyProblem(
                "{\"kind\": \"classic\"}",
                SocketIoProblems.INVALID_URL,
                A + ".url",
                "url is required, such as redis://host:6379");
        LoadResult result = Projects.load(project("{\"url\": \"redis://h:1\", \"host\": \"h\"}"));
        assertThat(result.problems())
                .contains(new Problem(
                        ProblemKind.INVALID_SETTING, A + ".host", null, null, "unknown adapter field 'host'"));
    }

    @Test
    void optionsAreAnObjectOfPlainValues() {
        assertOnlyProblem(
                "{\"url\": \"redis://h:1\", \"options\": [1]}",
                ProblemKind.INVALID_SETTING,
                A + ".options",
                "options must be an object such as {\"maxLen\": 5000}, was [1]");
        assertOnlyProblem(
                "{\"url\": \"redis://h:1\", \"options\": {\"maxLen\": 5, \"streamName\": {}}}",
                ProblemKind.INVALID_SETTING,
                A + ".options.streamName",
                "streamName must be a string, number or boolean, was {}");
    }

    @Test
    void aPasswordThatIsNotTextIsNotShown() {
        assertOnlyProblem(
                "{\"url\": \"redis://h:1\", \"password\": 123456}",
                ProblemKind.INVALID_SETTING,
                A + ".password",
                "password must be a non-empty string, was ***");
    }

    @Test
    void aUrlWithoutSchemeIsRefused() {
        assertOnlyProblem(
                "\"cache:6379\"",
                ProblemKind.INVALID_SETTING,
                A,
                "adapter URL 'cache:6379' has no scheme: write it as redis://host:port");
    }
}
