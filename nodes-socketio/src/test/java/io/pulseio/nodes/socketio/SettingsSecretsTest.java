package io.pulseio.nodes.socketio;

import static io.pulseio.nodes.socketio.Projects.withConnection;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.nodes.socketio.internal.client.ConnectionSettings;
import io.pulseio.nodes.socketio.internal.plugin.SettingsReader;
import io.pulseio.nodes.socketio.internal.shared.SocketIoProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unset variables are one problem each, secrets stay out of messages, and retries can be set. */
class SettingsSecretsTest {
    private static final String C0 = "$.settings.socketio.connections[0]";

    private static List<Problem> problems(Map<String, String> env, String connection) {
        return Projects.loader(env).load(withConnection(connection)).problems();
    }

    @Test
    void everyFieldWithAnUnsetVariableHasOnlyThatProblem() {
        String c = "{\"name\": \"main\", \"url\": \"${env:U}\", \"port\": \"${env:P}\", \"path\": \"${env:PA}\","
                + " \"connectTimeout\": \"${env:CT}\", \"ackTimeout\": \"${env:AT}\", \"retries\": \"${env:R}\","
                + " \"sendBufferSize\": \"${env:SB}\", \"reconnection\": {\"enabled\": \"${env:RE}\"},"
                + " \"tls\": {\"ca\": \"${env:CA}\"}}";
        assertThat(problems(Map.of(), c))
                .extracting(Problem::kind)
                .containsOnly(ProblemKind.UNSET_ENVIRONMENT_VARIABLE)
                .hasSize(9);
    }

    @Test
    void aPasswordAndQueryValuesInAUrlAreMasked() {
        assertThat(problems(Map.of(), "{\"name\": \"main\", \"url\": \"http://ann:pw@h/?token=abc&site=x\"}"))
                .containsExactly(new Problem(
                        SocketIoProblems.INVALID_URL,
                        C0 + ".url",
                        null,
                        null,
                        "invalid URL 'http://ann:***@h/?token=***&site=***': it must not carry user info"));
    }

    @Test
    void aUrlIsShownInTracesWithItsQueryValuesMasked() {
        assertThat(ConnectionSettings.shown("https://h:8443?token=s3cret&n=1#top"))
                .isEqualTo("https://h:8443?token=***&n=***#top");
        assertThat(ConnectionSettings.shown("http://h:3000")).isEqualTo("http://h:3000");
    }

    @Test
    void aSecretInANumericFieldIsNotEchoed() {
        assertThat(problems(
                        Map.of("SECRET", "hunter2-secret"),
                        "{\"name\": \"main\", \"url\": \"http://h\"," + " \"port\": \"${env:SECRET}\"}"))
                .extracting(Problem::message)
                .containsExactly("port must be an integer, was \"${env:SECRET}\"");
    }

    @Test
    void retriesReachTheClient() throws Exception {
        List<Problem> found = new ArrayList<>();
        var read = SettingsReader.read(
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree("{\"connections\": [{\"name\": \"main\", \"url\": \"http://h\","
                                + " \"retries\": 3}]}"),
                "$",
                (k, p, m) -> found.add(new Problem(k, p, null, null, m)));
        assertThat(found).isEmpty();
        assertThat(read.get(0).toClientOptions(null, null).retries()).isEqualTo(3);
    }

    @Test
    void retriesMustBeAWholeNumberAtLeastZero() {
        assertThat(problems(Map.of(), "{\"name\": \"main\", \"url\": \"http://h\", \"retries\": -1}"))
                .containsExactly(new Problem(
                        ProblemKind.INVALID_SETTING,
                        C0 + ".retries",
                        null,
                        null,
                        "retries must be an integer >= 0, was -1"));
    }
}
