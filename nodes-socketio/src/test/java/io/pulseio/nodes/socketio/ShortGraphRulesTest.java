package io.pulseio.nodes.socketio;

import static io.pulseio.nodes.socketio.Projects.load;
import static io.pulseio.nodes.socketio.Projects.project;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.LoadResult;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import org.junit.jupiter.api.Test;

/**
 * Load-time rules of what keeps graphs short: the default connection and server, On Receive's own
 * subscription, and the {@code arguments} of Send and Send With Ack.
 */
class ShortGraphRulesTest {
    private static final String MAIN = "{\"name\": \"main\", \"url\": \"http://localhost\"}";
    private static final String BACKUP = "{\"name\": \"backup\", \"url\": \"http://localhost\"}";

    private static Problem onlyProblem(String json) {
        LoadResult result = load(json);
        assertThat(result.problems()).hasSize(1);
        return result.problems().get(0);
    }

    @Test
    void theOnlyConnectionNeedsNoName() {
        assertThat(load(project(MAIN, """
                {"id": "s", "type": "socketio.start"}, {"id": "r", "type": "socketio.onReceive"}""", "")).problems()).isEmpty();
    }

    @Test
    void withTwoConnectionsANodeMustNameOne() {
        Problem p = onlyProblem(project(MAIN + ", " + BACKUP, "{\"id\": \"s\", \"type\": \"socketio.stop\"}", ""));
        assertThat(p)
                .isEqualTo(new Problem(
                        ProblemKind.MISSING_ATTRIBUTE,
                        "$.logic.project.nodes[0].attributes",
                        "s",
                        "configuration",
                        "missing required attribute 'configuration' (it may be omitted only when "
                                + "exactly one connection is configured; 2 are)"));
    }

    @Test
    void withoutAnyConnectionANodeMustNameOne() {
        Problem p = onlyProblem("""
                {"format": 1, "name": "t", "logic": {"project": {"nodes": [
                  {"id": "s", "type": "socketio.stop"}]}}}""");
        assertThat(p.kind()).isEqualTo(ProblemKind.MISSING_ATTRIBUTE);
        assertThat(p.message()).endsWith("exactly one connection is configured; none is)");
    }

    @Test
    void anOnlyConnectionWithAProblemIsNotAlsoBlamedOnItsNodes() {
        Problem p = onlyProblem(
                project("{\"url\": \"http://localhost\"}", "{\"id\": \"s\", \"type\": \"socketio.start\"}", ""));
        assertThat(p.kind()).isEqualTo(ProblemKind.INVALID_SETTING);
        assertThat(p.message()).isEqualTo("name is required");
    }

    @Test
    void theOnlyServerNeedsNoNameAndTwoNeedOne() {
        String one = """
                {"format": 1, "name": "t", "settings": {"socketio": {"servers": [%s]}},
                 "logic": {"project": {"nodes": [{"id": "s", "type": "socketio.serverStart"}]}}}""";
        assertThat(load(one.formatted("{\"name\": \"a\", \"port\": 0}")).problems())
                .isEmpty();
        Problem p = onlyProblem(one.formatted("{\"name\": \"a\", \"port\": 0}, {\"name\": \"b\", \"port\": 0}"));
        assertThat(p)
                .isEqualTo(new Problem(
                        ProblemKind.MISSING_ATTRIBUTE,
                        "$.logic.project.nodes[0].attributes",
                        "s",
                        "server",
                        "missing required attribute 'server' (it may be omitted only when exactly one "
                                + "server is configured; 2 are)"));
    }

    @Test
    void aSubscribingOnReceiveMustNameAnEventThatCanBeSubscribed() {
        Problem p = onlyProblem(project(MAIN, """
                {"id": "r", "type": "socketio.onReceive", "attributes": {"subscribe": true, "eventName": "connect"}}""", ""));
        assertThat(p)
                .isEqualTo(new Problem(
                        ProblemKind.INVALID_ATTRIBUTE,
                        "$.logic.project.nodes[0].attributes.eventName",
                        "r",
                        "eventName",
                        "'connect' is a reserved Socket.IO event name (it cannot be subscribed)"));
    }

    @Test
    void argumentsMustBeAWholeNumberFromZeroToEight() {
        Problem p = onlyProblem(project(MAIN, """
                {"id": "s", "type": "socketio.send", "attributes": {"arguments": 9}, "inputs": {"eventName": "e"}}""", ""));
        assertThat(p)
                .isEqualTo(new Problem(
                        ProblemKind.INVALID_ATTRIBUTE,
                        "$.logic.project.nodes[0].attributes.arguments",
                        "s",
                        "arguments",
                        "attribute 'arguments' must be a whole number from 0 to 8, was 9"));
    }

    @Test
    void argumentsChangeTheInputs() {
        Problem none = onlyProblem(project(MAIN, """
                {"id": "s", "type": "socketio.sendWithAck", "attributes": {"arguments": 0},
                 "inputs": {"eventName": "e", "message": "x"}}""", ""));
        assertThat(none.kind()).isEqualTo(ProblemKind.UNKNOWN_PIN);
        assertThat(load(project(MAIN, """
                {"id": "s", "type": "socketio.send", "attributes": {"arguments": 3},
                 "inputs": {"eventName": "e", "arg0": 1, "arg1": "two", "arg2": true}}""", "")).problems()).isEmpty();
    }

    @Test
    void jsonArgumentsAreCheckedAtLoad() {
        Problem p = onlyProblem(project(MAIN, """
                {"id": "s", "type": "socketio.send", "attributes": {"arguments": 2, "messageFormat": "json"},
                 "inputs": {"eventName": "e", "arg0": "{}", "arg1": "{"}}""", ""));
        assertThat(p.kind()).isEqualTo(ProblemKind.INVALID_VALUE);
        assertThat(p.path()).isEqualTo("$.logic.project.nodes[0].inputs.arg1");
        assertThat(p.message()).startsWith("message is not valid JSON: ");
    }

    @Test
    void theToolboxShowsTheNewAttributes() {
        var onReceive = new SocketIoPlugin()
                .nodeTypes().stream()
                        .filter(t -> t.descriptor().typeId().equals("socketio.onReceive"))
                        .findFirst()
                        .orElseThrow();
        assertThat(onReceive.descriptor().attributes())
                .extracting(a -> a.name() + "=" + a.defaultValue())
                .containsExactly("configuration=", "eventName=", "namespace=", "subscribe=false");
    }
}
