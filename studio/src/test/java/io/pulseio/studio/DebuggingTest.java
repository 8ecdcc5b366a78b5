package io.pulseio.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live channel's debugger commands and its pushed {@code debug} state, against a real run. */
class DebuggingTest {
    /** A timer ticks three times, 20 ms apart; each tick prints its count; the third stops the run. */
    private static final String COUNTER = """
            {"format":1,"name":"counter","logic":{"project":{"nodes":[
              {"id":"go","type":"core.onProjectStart"},
              {"id":"tick","type":"core.timer","inputs":{"intervalMs":20,"times":3}},
              {"id":"text","type":"core.formatString","inputs":{"format":"{0}"}},
              {"id":"say","type":"core.print"},
              {"id":"last","type":"core.compare","attributes":{"op":"=="},"inputs":{"b":3}},
              {"id":"if","type":"core.branch"},
              {"id":"stop","type":"core.stopProject"}],
             "links":[{"from":"go.out","to":"tick.start"},{"from":"tick.tick","to":"say.in"},
              {"from":"tick.count","to":"text.arg0"},{"from":"text.text","to":"say.message"},
              {"from":"say.out","to":"if.in"},{"from":"tick.count","to":"last.a"},
              {"from":"last.result","to":"if.condition"},{"from":"if.true","to":"stop.in"}]}}}""";

    @TempDir
    Path dir;

    private Studio studio;
    private StudioClient page;

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("counter.json");
        Files.writeString(file, COUNTER);
        studio = Studio.start(new StudioOptions(file, "127.0.0.1", 0, TestPage.in(dir), "t0ken"));
        page = new StudioClient(studio.port(), "t0ken", null);
        assertThat(page.awaitOutcome()).isEqualTo("connected");
        JsonNode checked = page.ask("check", COUNTER);
        assertThat(checked.path("problems")).as(checked.toString()).isEmpty();
    }

    @AfterEach
    void stop() {
        page.close();
        studio.close();
    }

    private static ObjectNode args() {
        return StudioClient.JSON.createObjectNode();
    }

    @Test
    void aBreakpointHaltsBeforeItsNodeWithItsInputValuesThenStepAndResume() throws Exception {
        JsonNode set = page.ask("breakpoint", args().put("node", "say"));
        assertThat(set.path("ok").asBoolean()).isTrue();
        assertThat(set.path("breakpoints").get(0).path("node").asText()).isEqualTo("say");
        assertThat(page.ask("run", COUNTER).path("ok").asBoolean()).isTrue();

        JsonNode paused = page.awaitDebug(s -> "paused".equals(s.path("state").asText()));
        assertThat(paused.path("at").path("reason").asText()).isEqualTo("BREAKPOINT");
        assertThat(paused.path("at").path("node").asText()).isEqualTo("say");
        assertThat(paused.path("at").path("graph").asText()).isEqualTo("project");
        JsonNode values = page.ask("values", args().put("node", "say"));
        assertThat(values.path("inputs").get(0).path("pin").asText()).isEqualTo("message");
        assertThat(values.path("inputs").get(0).path("value").asText()).isEqualTo("1");

        // A step runs Print and halts before the next node of the event: the Branch.
        page.ask("step", args());
        JsonNode stepped = page.awaitDebug(s -> "paused".equals(s.path("state").asText()));
        assertThat(stepped.path("at").path("reason").asText()).isEqualTo("STEP");
        assertThat(stepped.path("at").path("node").asText()).isEqualTo("if");
        assertThat(page.awaitTraceEvent(e -> "print".equals(e.path("kind").asText()))
                        .path("line")
                        .asText())
                .isEqualTo("1");

        // While paused the timer keeps queueing: the page is told how many events wait.
        // (The two later ticks may have queued already during the first pause.)
        JsonNode waiting = stepped.path("queueLength").asInt() > 0
                ? stepped
                : page.awaitDebug(s -> s.path("queueLength").asInt() > 0);
        assertThat(waiting.path("state").asText()).isEqualTo("paused");

        // Disabled, the breakpoint no longer halts: the run counts to three and stops.
        assertThat(page.ask("breakpoint", args().put("node", "say").put("enabled", false))
                        .path("ok")
                        .asBoolean())
                .isTrue();
        page.ask("resume", args());
        assertThat(page.awaitRunState("stopped").path("exitCode").asInt()).isZero();
        page.awaitDebug(s -> "stopped".equals(s.path("state").asText()));
    }

    @Test
    void aConditionalBreakpointHaltsOnlyWhenItsInputMatches() throws Exception {
        ObjectNode condition =
                args().put("input", "message").put("op", "GREATER_THAN").put("value", "1.5");
        page.ask("breakpoint", args().put("node", "say").set("condition", condition));
        page.ask("run", COUNTER);
        JsonNode paused = page.awaitDebug(s -> "paused".equals(s.path("state").asText()));
        assertThat(page.ask("values", args().put("node", "say"))
                        .path("inputs")
                        .get(0)
                        .path("value")
                        .asText())
                .isEqualTo("2");
        assertThat(paused.path("at").path("node").asText()).isEqualTo("say");
        page.ask("removeBreakpoint", args().put("node", "say"));
        page.ask("resume", args());
        assertThat(page.awaitRunState("stopped").path("exitCode").asInt()).isZero();
    }

    @Test
    void pauseHaltsARunningProjectAndStopStillEndsIt() throws Exception {
        page.ask("run", COUNTER.replace("\"intervalMs\":20", "\"intervalMs\":3600000"));
        page.awaitRunState("running");
        page.ask("pause", args());
        JsonNode paused = page.awaitDebug(s -> "paused".equals(s.path("state").asText()));
        assertThat(paused.path("at").path("reason").asText()).isEqualTo("PAUSE");
        assertThat(page.ask("stop", args()).path("ok").asBoolean()).isTrue();
        page.awaitDebug(s -> "stopped".equals(s.path("state").asText()));
    }

    @Test
    void badDebuggerCommandsSayWhatIsWrong() throws Exception {
        assertThat(page.ask("step", args()).path("error").asText()).isEqualTo("the project is not running");
        assertThat(page.ask("values", args().put("node", "say")).path("error").asText())
                .isEqualTo("the project is not running: values are read from a run");
        assertThat(page.ask("breakpoint", args()).path("error").asText())
                .isEqualTo("needs {\"node\": \"<node id>\", \"enabled\"?, \"condition\"?}");
        assertThat(page.ask(
                                "breakpoint",
                                args().put("node", "say")
                                        .set(
                                                "condition",
                                                args().put("input", "message").put("op", "ABOUT")))
                        .path("error")
                        .asText())
                .startsWith("unknown condition op 'ABOUT'");
        assertThat(page.ask("removeBreakpoint", args().put("node", "nope"))
                        .path("error")
                        .asText())
                .isEqualTo("no breakpoint on 'nope'");
        page.ask("breakpoint", args().put("node", "ghost"));
        page.ask("run", COUNTER);
        JsonNode running = page.awaitDebug(s -> s.has("warnings"));
        assertThat(running.path("warnings").get(0).asText()).startsWith("breakpoint on ghost dropped: ");
        assertThat(page.awaitRunState("stopped").path("exitCode").asInt()).isZero();
    }
}
