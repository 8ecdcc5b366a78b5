package io.pulseio.nodes.socketio;

import static io.pulseio.nodes.socketio.Projects.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.LoadResult;
import io.pulseio.logic.NodeRegistry;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.nodes.socketio.internal.shared.SocketIoProblems;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One test per rule of {@code settings.socketio.servers} and of the server nodes' {@code server} attribute. */
class ServerSettingsValidationTest {
    private static final String S0 = "$.settings.socketio.servers[0]";

    private static String project(String servers, String nodes) {
        return """
                {"format": 1, "name": "t",
                 "settings": {"socketio": {"servers": [%s]}},
                 "logic": {"project": {"nodes": [%s], "links": []}}}
                """.formatted(servers, nodes);
    }

    private static String server(String extra) {
        return "{\"name\": \"hmi\", \"port\": 8080" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    private static void assertOnlyProblem(String servers, ProblemKind kind, String path, String message) {
        LoadResult result = load(project(servers, ""));
        assertThat(result.problems()).containsExactly(new Problem(kind, path, null, null, message));
    }

    @Test
    void aCompleteServerIsValid() {
        String full = server("""
                "host": "127.0.0.1", "path": "/rt/", "cors": ["https://hmi.example.org"], "pingInterval": 1000,
                "pingTimeout": 500, "connectTimeout": 2000, "maxHttpBufferSize": 5000000,
                "connectionStateRecovery": 60000""");
        assertThat(load(project(
                                full + ", {\"name\": \"any\", \"port\": 0, \"cors\": \"*\", "
                                        + "\"connectionStateRecovery\": true}",
                                ""))
                        .problems())
                .isEmpty();
    }

    @Test
    void aMetricsSettingIsValidAndItsMistakesAreNamed() {
        assertThat(load(project(
                                server("\"metrics\": {\"port\": 9464}") + ", {\"name\": \"b\", \"port\": 8081, "
                                        + "\"metrics\": {\"port\": 9465, \"host\": \"0.0.0.0\"}}",
                                ""))
                        .problems())
                .isEmpty();
        assertOnlyProblem(
                server("\"metrics\": 9464"),
                ProblemKind.INVALID_SETTING,
                S0 + ".metrics",
                "metrics must be an object {port, host?}, was 9464");
        assertOnlyProblem(
                server("\"metrics\": {}"),
                SocketIoProblems.INVALID_PORT,
                S0 + ".metrics.port",
                "port is required (0 for any free port)");
        assertOnlyProblem(
                server("\"metrics\": {\"port\": 70000}"),
                SocketIoProblems.INVALID_PORT,
                S0 + ".metrics.port",
                "port must be in 0..65535, was 70000");
        assertOnlyProblem(
                server("\"metrics\": {\"port\": 8080}"),
                SocketIoProblems.INVALID_PORT,
                S0 + ".metrics.port",
                "the metrics port 8080 is the server's own port: give it a port of its own");
        assertOnlyProblem(
                server("\"metrics\": {\"port\": 9464, \"host\": \" \"}"),
                ProblemKind.INVALID_SETTING,
                S0 + ".metrics.host",
                "host must be a non-empty string, was \" \"");
        assertOnlyProblem(
                server("\"metrics\": {\"port\": 9464}") + ", {\"name\": \"b\", \"port\": 9464}",
                SocketIoProblems.INVALID_PORT,
                "$.settings.socketio.servers[1].port",
                "port 9464 is already used by server 'hmi (metrics)'");
    }

    @Test
    void anAdminSettingIsValidAndItsMistakesAreNamed() {
        assertThat(load(project(
                                server("\"admin\": {\"username\": \"ops\", \"password\": \"pw\", "
                                        + "\"readOnly\": true, \"mode\": \"production\", \"namespace\": \"/ops\"}"),
                                ""))
                        .problems())
                .isEmpty();
        assertOnlyProblem(
                server("\"admin\": true"),
                ProblemKind.INVALID_SETTING,
                S0 + ".admin",
                "admin must be an object {username, password, readOnly?, mode?, namespace?}, was true");
        assertOnlyProblem(
                server("\"admin\": {\"username\": \"ops\"}"),
                ProblemKind.INVALID_SETTING,
                S0 + ".admin.password",
                "admin password must be a non-empty string (it is required)");
        assertOnlyProblem(
                server("\"admin\": {\"username\": \"\", \"password\": \"secret-value\"}"),
                ProblemKind.INVALID_SETTING,
                S0 + ".admin.username",
                "admin username must be a non-empty string");
        assertOnlyProblem(
                server("\"admin\": {\"username\": \"ops\", \"password\": \"pw\", \"mode\": \"test\"}"),
                ProblemKind.INVALID_SETTING,
                S0 + ".admin.mode",
                "mode must be \"development\" or \"production\", was \"test\"");
        assertOnlyProblem(
                server("\"admin\": {\"username\": \"ops\", \"password\": \"pw\", \"namespace\": \"ops\"}"),
                ProblemKind.INVALID_SETTING,
                S0 + ".admin.namespace",
                "namespace must be a string starting with /, was \"ops\"");
        assertOnlyProblem(
                server("\"admin\": {\"username\": \"ops\", \"password\": \"pw\", \"readOnly\": 3}"),
                ProblemKind.INVALID_SETTING,
                S0 + ".admin.readOnly",
                "readOnly must be true or false, was 3");
    }

    @Test
    void aServerNeedsAPort() {
        assertOnlyProblem(
                "{\"name\": \"hmi\"}",
                SocketIoProblems.INVALID_PORT,
                S0 + ".port",
                "port is required (0 for any free port)");
    }

    @Test
    void aPortMustBeInRange() {
        assertOnlyProblem(
                "{\"name\": \"hmi\", \"port\": 70000}",
                SocketIoProblems.INVALID_PORT,
                S0 + ".port",
                "port must be in 0..65535, was 70000");
    }

    @Test
    void aPortMustBeAnInteger() {
        assertOnlyProblem(
                "{\"name\": \"hmi\", \"port\": \"x\"}",
                SocketIoProblems.INVALID_PORT,
                S0 + ".port",
                "port must be an integer, was \"x\"");
    }

    @Test
    void twoServersMayNotShareAFixedPort() {
        assertOnlyProblem(
                server("") + ", {\"name\": \"other\", \"port\": 8080}",
                SocketIoProblems.INVALID_PORT,
                "$.settings.socketio.servers[1].port",
                "port 8080 is already used by server 'hmi'");
    }

    @Test
    void duplicateServerNamesAreRejected() {
        assertOnlyProblem(
                server("") + ", {\"name\": \"hmi\", \"port\": 8081}",
                SocketIoProblems.DUPLICATE_CONNECTION,
                "$.settings.socketio.servers[1].name",
                "duplicate server name 'hmi' (first at servers[0])");
    }

    @Test
    void aServerNeedsAName() {
        assertOnlyProblem("{\"port\": 8080}", ProblemKind.INVALID_SETTING, S0 + ".name", "name is required");
    }

    @Test
    void unknownFieldsAreRejected() {
        assertOnlyProblem(
                server("\"colour\": 1"), ProblemKind.INVALID_SETTING, S0 + ".colour", "unknown server field 'colour'");
    }

    @Test
    void aHostMustBeANonEmptyString() {
        assertOnlyProblem(
                server("\"host\": \"\""),
                ProblemKind.INVALID_SETTING,
                S0 + ".host",
                "host must be a non-empty string, was \"\"");
    }

    @Test
    void corsIsAnOriginOrAnArrayOfThem() {
        assertOnlyProblem(
                server("\"cors\": [1]"),
                ProblemKind.INVALID_SETTING,
                S0 + ".cors",
                "cors must be an origin, \"*\" or a non-empty array of origins, was [1]");
    }

    @Test
    void tlsNeedsBothCertAndKey() {
        assertOnlyProblem(
                server("\"tls\": {\"cert\": \"c.pem\"}"),
                ProblemKind.INVALID_SETTING,
                S0 + ".tls",
                "tls needs both cert (PEM certificate chain) and key (PEM private key)");
    }

    @Test
    void tlsFilesMustBeReadable() {
        LoadResult result = load(project(server("\"tls\": {\"cert\": \"/nope/c.pem\", \"key\": \"/nope/k.pem\"}"), ""));
        assertThat(result.problems())
                .containsExactly(
                        new Problem(
                                ProblemKind.INVALID_SETTING,
                                S0 + ".tls.cert",
                                null,
                                null,
                                "tls.cert is not a readable file: /nope/c.pem"),
                        new Problem(
                                ProblemKind.INVALID_SETTING,
                                S0 + ".tls.key",
                                null,
                                null,
                                "tls.key is not a readable file: /nope/k.pem"));
    }

    @Test
    void timesArePositiveMilliseconds() {
        assertOnlyProblem(
                server("\"pingInterval\": 0"),
                ProblemKind.INVALID_SETTING,
                S0 + ".pingInterval",
                "pingInterval must be a positive number of milliseconds, was 0");
    }

    @Test
    void maxHttpBufferSizeIsBounded() {
        assertOnlyProblem(
                server("\"maxHttpBufferSize\": 0"),
                ProblemKind.INVALID_SETTING,
                S0 + ".maxHttpBufferSize",
                "maxHttpBufferSize must be a number of bytes from 1 to 2147483647, was 0");
    }

    @Test
    void connectionStateRecoveryIsABooleanOrADuration() {
        assertOnlyProblem(
                server("\"connectionStateRecovery\": \"soon\""),
                ProblemKind.INVALID_SETTING,
                S0 + ".connectionStateRecovery",
                "connectionStateRecovery must be true, false or a positive number of milliseconds, was \"soon\"");
    }

    @Test
    void serversMustBeAnArray() {
        LoadResult result = load("""
                {"format": 1, "name": "t", "settings": {"socketio": {"servers": {}}},
                 "logic": {"project": {"nodes": [], "links": []}}}""");
        assertThat(result.problems())
                .containsExactly(new Problem(
                        ProblemKind.INVALID_SETTING,
                        "$.settings.socketio.servers",
                        null,
                        null,
                        "servers must be an array"));
    }

    @Test
    void aServerNodeMustNameAConfiguredServer() {
        LoadResult result = load(project(
                server(""),
                "{\"id\": \"go\", \"type\": \"socketio.serverStart\", \"attributes\": {\"server\": \"main\"}}"));
        assertThat(result.problems())
                .containsExactly(new Problem(
                        SocketIoProblems.UNKNOWN_CONNECTION,
                        "$.logic.project.nodes[0].attributes.server",
                        "go",
                        "server",
                        "unknown server 'main' (configured: hmi)"));
    }

    @Test
    void aServerNodeWithoutAnyServerSaysSo() {
        LoadResult result = load("""
                {"format": 1, "name": "t", "logic": {"project": {"nodes": [
                 {"id": "go", "type": "socketio.serverStart", "attributes": {"server": "main"}}], "links": []}}}""");
        assertThat(result.problems())
                .extracting(Problem::message)
                .containsExactly("unknown server 'main' (no server is configured in settings.socketio.servers)");
    }

    @Test
    void everyServerNodeIsInTheToolbox() {
        String ids = NodeRegistry.of(new SocketIoPlugin()).toolbox(plugin -> true).stream()
                .map(d -> d.typeId())
                .collect(Collectors.joining(" "));
        assertThat(ids)
                .contains(
                        "socketio.serverStart",
                        "socketio.serverStop",
                        "socketio.serverEmit",
                        "socketio.serverAck",
                        "socketio.joinRoom",
                        "socketio.leaveRoom",
                        "socketio.disconnectClient",
                        "socketio.onServerStart",
                        "socketio.onServerStop",
                        "socketio.onClientConnect",
                        "socketio.onClientDisconnect",
                        "socketio.onServerReceive",
                        "socketio.onServerError");
    }
}
