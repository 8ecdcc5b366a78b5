package io.pulseio.nodes.socketio;

import static io.pulseio.nodes.socketio.Projects.load;
import static io.pulseio.nodes.socketio.Projects.project;
import static io.pulseio.nodes.socketio.Projects.withConnection;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.LoadResult;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.nodes.socketio.internal.shared.SocketIoProblems;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per rule of the {@code socketio} settings section and the nodes' references to it. */
class SettingsValidationTest {
    private static final String C0 = "$.settings.socketio.connections[0]";

    private static void assertOnlyProblem(String json, ProblemKind kind, String path, String message) {
        LoadResult result = load(json);
        assertThat(result.problems()).containsExactly(new Problem(kind, path, null, null, message));
    }

    private static String conn(String extra) {
        return "{\"name\": \"main\", \"url\": \"http://localhost\"" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    @Test
    void aCompleteConnectionIsValid() {
        String full = conn("""
                "port": 3000, "path": "/io/", "transports": ["websocket"],
                "reconnection": {"enabled": true, "attempts": 5, "delay": 100, "maxDelay": 2000, "randomization": 0},
                "connectTimeout": 5000, "ackTimeout": 2000, "auth": {"token": "t"}, "query": {"room": "a", "n": 1},
                "headers": {"X-A": "1", "X-B": ["2", "3"]}, "tls": {"insecure": false}, "sendBufferSize": 0""");
        assertThat(load(withConnection(full)).problems()).isEmpty();
    }

    @Test
    void numbersAndBooleansMayBeStringsFromTheEnvironment() {
        String json = withConnection(conn("""
                "port": "${env:PORT}", "reconnection": {"enabled": "${env:RECONNECT}", "delay": "250"}"""));
        assertThat(Projects.loader(Map.of("PORT", "3000", "RECONNECT", "false"))
                        .load(json)
                        .problems())
                .isEmpty();
    }

    @Test
    void aConnectionNeedsAName() {
        assertOnlyProblem(
                withConnection("{\"url\": \"http://localhost\"}"),
                ProblemKind.INVALID_SETTING,
                C0 + ".name",
                "name is required");
    }

    @Test
    void aNameMustBeANonEmptyString() {
        assertOnlyProblem(
                withConnection("{\"name\": \" \", \"url\": \"http://localhost\"}"),
                ProblemKind.INVALID_SETTING,
                C0 + ".name",
                "name must be a non-empty string, was \" \"");
    }

    @Test
    void duplicateConnectionNamesAreRejected() {
        assertOnlyProblem(
                withConnection(conn("") + ", " + conn("")),
                SocketIoProblems.DUPLICATE_CONNECTION,
                "$.settings.socketio.connections[1].name",
                "duplicate connection name 'main' (first at connections[0])");
    }

    @Test
    void aConnectionNeedsAUrl() {
        assertOnlyProblem(
                withConnection("{\"name\": \"main\"}"), SocketIoProblems.INVALID_URL, C0 + ".url", "url is required");
    }

    @Test
    void aUrlNeedsAKnownScheme() {
        assertOnlyProblem(
                withConnection("{\"name\": \"main\", \"url\": \"ftp://host\"}"),
                SocketIoProblems.INVALID_URL,
                C0 + ".url",
                "invalid URL 'ftp://host': it must start with http://, https://, ws:// or wss://");
    }

    @Test
    void aUrlNeedsAHost() {
        assertOnlyProblem(
                withConnection("{\"name\": \"main\", \"url\": \"http://\"}"),
                SocketIoProblems.INVALID_URL,
                C0 + ".url",
                "invalid URL 'http://': Expected authority at index 7");
    }

    @Test
    void aUrlMustNotHaveAPath() {
        assertOnlyProblem(
                withConnection("{\"name\": \"main\", \"url\": \"http://host/chat\"}"),
                SocketIoProblems.INVALID_URL,
                C0 + ".url",
                "invalid URL 'http://host/chat': it must not have a path "
                        + "(set 'path' for the Engine.IO path; namespaces are chosen on the nodes)");
    }

    @Test
    void wsAndWssAreAcceptedAsAliases() {
        assertThat(load(withConnection(
                                "{\"name\": \"a\", \"url\": \"ws://h\"}, {\"name\": \"b\", \"url\": \"wss://h\"}"))
                        .problems())
                .isEmpty();
    }

    @Test
    void aPortMustBeAnInteger() {
        assertOnlyProblem(
                withConnection(conn("\"port\": \"http\"")),
                SocketIoProblems.INVALID_PORT,
                C0 + ".port",
                "port must be an integer, was \"http\"");
    }

    @Test
    void aPortMustBeInRange() {
        assertOnlyProblem(
                withConnection(conn("\"port\": 70000")),
                SocketIoProblems.INVALID_PORT,
                C0 + ".port",
                "port must be in 1..65535, was 70000");
    }

    @Test
    void thePortOfTheUrlMustBeInRange() {
        assertOnlyProblem(
                withConnection("{\"name\": \"main\", \"url\": \"http://h:99999\"}"),
                SocketIoProblems.INVALID_PORT,
                C0 + ".url",
                "the port of URL 'http://h:99999' must be in 1..65535, was 99999");
    }

    @Test
    void unknownFieldsAreRejected() {
        assertOnlyProblem(
                withConnection(conn("\"reconect\": {}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".reconect",
                "unknown connection field 'reconect'");
    }

    @Test
    void unknownSectionKeysAreRejected() {
        assertOnlyProblem(
                """
                {"format": 1, "name": "t", "settings": {"socketio": {"conections": []}}, "logic": {}}""", ProblemKind.INVALID_SETTING, "$.settings.socketio.conections", "unknown setting 'conections'");
    }

    @Test
    void connectionsMustBeAnArray() {
        assertOnlyProblem(
                """
                {"format": 1, "name": "t", "settings": {"socketio": {"connections": {}}}, "logic": {}}""", ProblemKind.INVALID_SETTING, "$.settings.socketio.connections", "connections must be an array");
    }

    @Test
    void aConnectionMustBeAnObject() {
        assertOnlyProblem(
                withConnection("\"main\""), ProblemKind.INVALID_SETTING, C0, "a connection must be an object");
    }

    @Test
    void thePathMustStartWithASlash() {
        assertOnlyProblem(
                withConnection(conn("\"path\": \"io\"")),
                ProblemKind.INVALID_SETTING,
                C0 + ".path",
                "path must be a string starting with /, was \"io\"");
    }

    @Test
    void transportsMustBeKnown() {
        assertOnlyProblem(
                withConnection(conn("\"transports\": [\"websocket\", \"flash\"]")),
                ProblemKind.INVALID_SETTING,
                C0 + ".transports[1]",
                "unknown transport \"flash\" (expected \"polling\" or \"websocket\")");
    }

    @Test
    void transportsMustNotRepeat() {
        assertOnlyProblem(
                withConnection(conn("\"transports\": [\"polling\", \"polling\"]")),
                ProblemKind.INVALID_SETTING,
                C0 + ".transports[1]",
                "transport \"polling\" is listed twice");
    }

    @Test
    void transportsMustNotBeEmpty() {
        assertOnlyProblem(
                withConnection(conn("\"transports\": []")),
                ProblemKind.INVALID_SETTING,
                C0 + ".transports",
                "transports must be a non-empty array, was []");
    }

    @Test
    void reconnectionAttemptsMustNotBeNegative() {
        assertOnlyProblem(
                withConnection(conn("\"reconnection\": {\"attempts\": -1}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".reconnection.attempts",
                "reconnection.attempts must be an integer >= 0, was -1");
    }

    @Test
    void reconnectionDelayMustBePositive() {
        assertOnlyProblem(
                withConnection(conn("\"reconnection\": {\"delay\": 0}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".reconnection.delay",
                "reconnection.delay must be a positive number of milliseconds, was 0");
    }

    @Test
    void reconnectionMaxDelayMustNotBeBelowTheDelay() {
        assertOnlyProblem(
                withConnection(conn("\"reconnection\": {\"delay\": 500, \"maxDelay\": 100}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".reconnection.maxDelay",
                "reconnection.maxDelay (100) must not be less than reconnection.delay (500)");
    }

    @Test
    void aLongDelayRaisesTheDefaultMaxDelay() {
        assertThat(load(withConnection(conn("\"reconnection\": {\"delay\": 8000}")))
                        .problems())
                .isEmpty();
    }

    @Test
    void reconnectionRandomizationMustBeAFraction() {
        assertOnlyProblem(
                withConnection(conn("\"reconnection\": {\"randomization\": 1.5}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".reconnection.randomization",
                "reconnection.randomization must be a number from 0 to 1, was 1.5");
    }

    @Test
    void reconnectionEnabledMustBeABoolean() {
        assertOnlyProblem(
                withConnection(conn("\"reconnection\": {\"enabled\": \"yes\"}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".reconnection.enabled",
                "reconnection.enabled must be true or false, was \"yes\"");
    }

    @Test
    void reconnectionMustBeAnObject() {
        assertOnlyProblem(
                withConnection(conn("\"reconnection\": false")),
                ProblemKind.INVALID_SETTING,
                C0 + ".reconnection",
                "reconnection must be an object, was false");
    }

    @Test
    void unknownReconnectionFieldsAreRejected() {
        assertOnlyProblem(
                withConnection(conn("\"reconnection\": {\"tries\": 3}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".reconnection.tries",
                "unknown reconnection field 'tries'");
    }

    @Test
    void timeoutsMustBePositive() {
        assertOnlyProblem(
                withConnection(conn("\"connectTimeout\": -5")),
                ProblemKind.INVALID_SETTING,
                C0 + ".connectTimeout",
                "connectTimeout must be a positive number of milliseconds, was -5");
        assertOnlyProblem(
                withConnection(conn("\"ackTimeout\": \"soon\"")),
                ProblemKind.INVALID_SETTING,
                C0 + ".ackTimeout",
                "ackTimeout must be a positive number of milliseconds, was \"soon\"");
    }

    @Test
    void authMustBeAnObject() {
        assertOnlyProblem(
                withConnection(conn("\"auth\": \"secret\"")),
                ProblemKind.INVALID_SETTING,
                C0 + ".auth",
                "auth must be a JSON object, was \"secret\"");
    }

    @Test
    void queryValuesMustBeScalars() {
        assertOnlyProblem(
                withConnection(conn("\"query\": {\"a\": {}}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".query.a",
                "query parameter 'a' must be a string, number or boolean, was {}");
    }

    @Test
    void engineQueryParametersAreReserved() {
        assertOnlyProblem(
                withConnection(conn("\"query\": {\"EIO\": \"3\"}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".query.EIO",
                "query parameter 'EIO' is reserved by Engine.IO");
    }

    @Test
    void headerNamesMustBeHttpTokensAndValuesFreeOfLineBreaks() {
        // at load: the client would refuse them only when connecting, on its network thread
        assertOnlyProblem(
                withConnection(conn("\"headers\": {\"Bad Name\": \"x\"}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".headers.Bad Name",
                "header name 'Bad Name' is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~ only)");
        assertOnlyProblem(
                withConnection(conn("\"headers\": {\"X-A\": [\"ok\", \"a\\nb\"]}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".headers.X-A",
                "header 'X-A' has a control character (a line break, say) in its value");
    }

    @Test
    void headersMustBeStrings() {
        assertOnlyProblem(
                withConnection(conn("\"headers\": {\"X-A\": 1}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".headers.X-A",
                "header 'X-A' must be a string or a non-empty array of strings, was 1");
    }

    @Test
    void tlsFilesMustBeReadable() {
        assertOnlyProblem(
                withConnection(conn("\"tls\": {\"ca\": \"/no/such/ca.pem\"}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".tls.ca",
                "tls.ca is not a readable file: /no/such/ca.pem");
    }

    @Test
    void onlyOneTlsTrustChoice() {
        assertOnlyProblem(
                withConnection(conn("\"tls\": {\"ca\": \"pom.xml\", \"insecure\": true}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".tls",
                "only one of tls.ca, tls.trustStore and tls.insecure may be set");
    }

    @Test
    void aTrustStorePasswordNeedsATrustStore() {
        assertOnlyProblem(
                withConnection(conn("\"tls\": {\"trustStorePassword\": \"x\"}")),
                ProblemKind.INVALID_SETTING,
                C0 + ".tls.trustStorePassword",
                "tls.trustStorePassword is set without tls.trustStore");
    }

    @Test
    void sendBufferSizeMustNotBeNegative() {
        assertOnlyProblem(
                withConnection(conn("\"sendBufferSize\": -1")),
                ProblemKind.INVALID_SETTING,
                C0 + ".sendBufferSize",
                "sendBufferSize must be an integer >= 0, was -1");
    }

    // ---- nodes ----

    private static Problem onlyProblem(String json) {
        LoadResult result = load(json);
        assertThat(result.problems()).hasSize(1);
        return result.problems().get(0);
    }

    @Test
    void aNodeMustNameAConfiguredConnection() {
        Problem p = onlyProblem(project(conn(""), """
                {"id": "s", "type": "socketio.start", "attributes": {"configuration": "backup"}}""", ""));
        assertThat(p)
                .isEqualTo(new Problem(
                        SocketIoProblems.UNKNOWN_CONNECTION,
                        "$.logic.project.nodes[0].attributes.configuration",
                        "s",
                        "configuration",
                        "unknown connection 'backup' (configured: main)"));
    }

    @Test
    void aNodeWithoutAnyConnectionConfiguredSaysSo() {
        Problem p = onlyProblem("""
                {"format": 1, "name": "t", "logic": {"project": {"nodes": [
                  {"id": "s", "type": "socketio.stop", "attributes": {"configuration": "main"}}]}}}""");
        assertThat(p.message())
                .isEqualTo("unknown connection 'main' (no connection is configured in settings.socketio.connections)");
    }

    @Test
    void aNodeNeedsItsConfigurationWhenThereIsNotExactlyOneConnection() {
        Problem p = onlyProblem(project(
                conn("") + ", {\"name\": \"b\", \"url\": \"http://localhost\"}",
                "{\"id\": \"s\", \"type\": \"socketio.start\"}",
                ""));
        assertThat(p.kind()).isEqualTo(ProblemKind.MISSING_ATTRIBUTE);
        assertThat(p.nodeId()).isEqualTo("s");
    }

    @Test
    void aConstantNamespaceMustStartWithASlash() {
        Problem p = onlyProblem(project(conn(""), """
                {"id": "s", "type": "socketio.subscribe", "attributes": {"configuration": "main"},
                 "inputs": {"eventName": "news", "namespace": "chat"}}""", ""));
        assertThat(p)
                .isEqualTo(new Problem(
                        ProblemKind.INVALID_VALUE,
                        "$.logic.project.nodes[0].inputs.namespace",
                        "s",
                        "namespace",
                        "namespace must start with /, was \"chat\""));
    }

    @Test
    void aConstantEventNameMustNotBeEmptyOrReserved() {
        Problem empty = onlyProblem(project(conn(""), """
                {"id": "s", "type": "socketio.send", "attributes": {"configuration": "main"},
                 "inputs": {"eventName": ""}}""", ""));
        assertThat(empty)
                .isEqualTo(new Problem(
                        ProblemKind.INVALID_VALUE,
                        "$.logic.project.nodes[0].inputs.eventName",
                        "s",
                        "eventName",
                        "event name must not be empty"));
        Problem reserved = onlyProblem(project(conn(""), """
                {"id": "s", "type": "socketio.subscribe", "attributes": {"configuration": "main"},
                 "inputs": {"eventName": "disconnect"}}""", ""));
        assertThat(reserved.message()).isEqualTo("'disconnect' is a reserved Socket.IO event name");
    }

    @Test
    void aConstantJsonMessageMustBeValidJson() {
        Problem p = onlyProblem(project(conn(""), """
                {"id": "s", "type": "socketio.send", "attributes": {"configuration": "main", "messageFormat": "json"},
                 "inputs": {"eventName": "e", "message": "{\\"a\\": }"}}""", ""));
        assertThat(p.path()).isEqualTo("$.logic.project.nodes[0].inputs.message");
        assertThat(p.message()).startsWith("message is not valid JSON: Unexpected character ('}'");
    }

    @Test
    void theNamespaceFilterOfOnReceiveMustStartWithASlash() {
        Problem p = onlyProblem(project(conn(""), """
                {"id": "r", "type": "socketio.onReceive", "attributes": {"configuration": "main", "namespace": "chat"}}""", ""));
        assertThat(p)
                .isEqualTo(new Problem(
                        ProblemKind.INVALID_ATTRIBUTE,
                        "$.logic.project.nodes[0].attributes.namespace",
                        "r",
                        "namespace",
                        "namespace must start with /, was \"chat\""));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        LoadResult result = load(project("""
                {"name": "a", "url": "gopher://x", "port": 0}, {"name": "a", "url": "http://x"}""", """
                {"id": "s", "type": "socketio.start", "attributes": {"configuration": "b"}}""", ""));
        assertThat(result.problems())
                .extracting(Problem::kind)
                .containsExactlyInAnyOrder(
                        SocketIoProblems.INVALID_URL,
                        SocketIoProblems.INVALID_PORT,
                        SocketIoProblems.DUPLICATE_CONNECTION,
                        SocketIoProblems.UNKNOWN_CONNECTION);
    }
}
