package io.pulseio.nodes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.LoadedProject;
import io.pulseio.logic.ProjectRun;
import io.pulseio.logic.RunOptions;
import io.pulseio.logic.trace.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Misuse and unreachable servers end in On Socket.IO Error with the documented reason, and the run goes on.
 * No server needed: nothing here reaches one.
 */
class MisuseTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Prints "reason|namespace|message" for every error, then stops when the reason is {@code stopOn}. */
    private static final String ERRORS = """
            {"id": "err", "type": "socketio.onError", "attributes": {"configuration": "main"}},
            {"id": "errText", "type": "core.formatString", "inputs": {"format": "{0}|{1}|{2}"}},
            {"id": "errPrint", "type": "core.print"},
            {"id": "isLast", "type": "core.compare", "attributes": {"op": "=="}, "inputs": {"b": "%s"}},
            {"id": "last", "type": "core.branch"},
            {"id": "end", "type": "core.stopProject"}""";

    private static final String ERROR_LINKS = """
            {"from": "err.reason", "to": "errText.arg0"}, {"from": "err.namespace", "to": "errText.arg1"},
            {"from": "err.message", "to": "errText.arg2"}, {"from": "errText.text", "to": "errPrint.message"},
            {"from": "err.out", "to": "errPrint.in"}, {"from": "errPrint.out", "to": "last.in"},
            {"from": "err.reason", "to": "isLast.a"}, {"from": "isLast.result", "to": "last.condition"},
            {"from": "last.true", "to": "end.in"}""";
    private static final String MAIN = "{\"name\": \"main\", \"url\": \"http://127.0.0.1\", \"port\": 1, "
            + "\"reconnection\": {\"enabled\": false}}";

    static List<String> run(String connection, String stopOn, String nodes, String links) throws Exception {
        String json =
                Projects.project(connection, nodes + ",\n" + ERRORS.formatted(stopOn), links + ",\n" + ERROR_LINKS);
        LoadedProject project = Projects.loader(Map.of()).load(json).orThrow();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());
        try (ProjectRun run = project.start(
                RunOptions.builder().output(output::add).trace(trace::add).build())) {
            assertThat(run.awaitExit(WAIT)).isZero();
        }
        return output;
    }

    static final String START = """
            {"id": "go", "type": "core.onProjectStart"}""";

    @Test
    void sendBeforeStartIsAnErrorAndTheChainStopsThere() throws Exception {
        List<String> out = run(MAIN, "not started", START + """
                , {"id": "send", "type": "socketio.send", "attributes": {"configuration": "main"},
                   "inputs": {"eventName": "hello"}},
                {"id": "after", "type": "core.print", "inputs": {"message": "not printed"}}""", """
                {"from": "go.out", "to": "send.in"}, {"from": "send.out", "to": "after.in"}""");
        assertThat(out).containsExactly("not started|/|connection 'main' is not started");
    }

    @Test
    void sendWithAckBeforeStartIsAnError() throws Exception {
        List<String> out = run(MAIN, "not started", START + """
                , {"id": "send", "type": "socketio.sendWithAck", "attributes": {"configuration": "main"},
                   "inputs": {"eventName": "hello", "namespace": "/chat"}}""", """
                {"from": "go.out", "to": "send.in"}""");
        assertThat(out).containsExactly("not started|/chat|connection 'main' is not started");
    }

    @Test
    void anEmptyEventNameFromALinkIsAnError() throws Exception {
        List<String> out = run(MAIN, "invalid event name", START + """
                , {"id": "name", "type": "core.formatString", "inputs": {"format": ""}},
                {"id": "sub", "type": "socketio.subscribe", "attributes": {"configuration": "main"}}""", """
                {"from": "go.out", "to": "sub.in"}, {"from": "name.text", "to": "sub.eventName"}""");
        assertThat(out).containsExactly("invalid event name|/|event name must not be empty");
    }

    @Test
    void aNamespaceWithoutSlashFromALinkIsAnError() throws Exception {
        List<String> out = run(MAIN, "invalid namespace", START + """
                , {"id": "ns", "type": "core.formatString", "inputs": {"format": "chat"}},
                {"id": "unsub", "type": "socketio.unsubscribe", "attributes": {"configuration": "main"},
                 "inputs": {"eventName": "news"}}""", """
                {"from": "go.out", "to": "unsub.in"}, {"from": "ns.text", "to": "unsub.namespace"}""");
        assertThat(out).containsExactly("invalid namespace|chat|namespace must start with /, was \"chat\"");
    }

    @Test
    void invalidJsonInJsonModeIsAnError() throws Exception {
        List<String> out = run(MAIN, "invalid message", START + """
                , {"id": "start", "type": "socketio.start", "attributes": {"configuration": "main"}},
                {"id": "msg", "type": "core.formatString", "inputs": {"format": "{{nope"}},
                {"id": "send", "type": "socketio.send", "attributes": {"configuration": "main", "messageFormat": "json"},
                 "inputs": {"eventName": "e"}}""", """
                {"from": "go.out", "to": "start.in"}, {"from": "start.out", "to": "send.in"},
                {"from": "msg.text", "to": "send.message"}""");
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).startsWith("invalid message|/|message is not valid JSON: Unexpected character ('n'");
    }

    @Test
    void stoppingAStoppedConnectionDoesNothing() throws Exception {
        // the run ends in a later event, so that an On Error the Stops fired would have run (and printed)
        List<String> out = run(MAIN, "never", START + """
                , {"id": "stop", "type": "socketio.stop", "attributes": {"configuration": "main"}},
                {"id": "stop2", "type": "socketio.stop", "attributes": {"configuration": "main"}},
                {"id": "later", "type": "core.delay", "inputs": {"ms": 200}},
                {"id": "done", "type": "core.print", "inputs": {"message": "still running"}},
                {"id": "quit", "type": "core.stopProject"}""", """
                {"from": "go.out", "to": "stop.in"}, {"from": "stop.out", "to": "stop2.in"},
                {"from": "stop2.out", "to": "later.in"}, {"from": "later.out", "to": "done.in"},
                {"from": "done.out", "to": "quit.in"}""");
        assertThat(out).containsExactly("still running");
    }

    @Test
    void anUnreachableServerIsAConnectErrorAndTheRunGoesOn() throws Exception {
        // the error does not end the run: a pulse a second later still runs, and ends it; the second Start,
        // issued while connecting, adds no connection (and so no second error)
        List<String> out = run(MAIN, "never", START + """
                , {"id": "start", "type": "socketio.start", "attributes": {"configuration": "main"}},
                {"id": "start2", "type": "socketio.start", "attributes": {"configuration": "main"}},
                {"id": "later", "type": "core.delay", "inputs": {"ms": 1000}},
                {"id": "done", "type": "core.print", "inputs": {"message": "still running"}},
                {"id": "quit", "type": "core.stopProject"}""", """
                {"from": "go.out", "to": "start.in"}, {"from": "start.out", "to": "start2.in"},
                {"from": "start2.out", "to": "later.in"}, {"from": "later.out", "to": "done.in"},
                {"from": "done.out", "to": "quit.in"}""");
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).startsWith("connect error|/|");
        assertThat(out.get(1)).isEqualTo("still running");
    }

    @Test
    void whenReconnectionGivesUpItSaysSo() throws Exception {
        String connection = "{\"name\": \"main\", \"url\": \"http://127.0.0.1:1\", "
                + "\"reconnection\": {\"attempts\": 2, \"delay\": 10, \"randomization\": 0}}";
        List<String> out = run(connection, "reconnect failed", START + """
                , {"id": "start", "type": "socketio.start", "attributes": {"configuration": "main"}}""", """
                {"from": "go.out", "to": "start.in"}""");
        assertThat(out).hasSize(4);
        assertThat(out.subList(0, 3)).allMatch(line -> line.startsWith("connect error|/|"));
        assertThat(out.get(3)).isEqualTo("reconnect failed|/|gave up after 2 reconnection attempts");
    }
}
