package io.pulseio.logic;

import static io.pulseio.logic.ValidationRulesTest.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.ValidationContext;
import io.pulseio.logic.trace.JsonLinesTraceWriter;
import io.pulseio.logic.trace.TraceEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Plugins bring their own trace records and problem kinds; the runtime names none. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PluginKindsTest {

    /** A plugin with no node types that declares what it is given. */
    static Plugin plugin(String id, Set<String> traceKinds, List<ProblemKind> problemKinds) {
        return new Plugin() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<NodeType> nodeTypes() {
                return List.of();
            }

            @Override
            public Set<String> traceKinds() {
                return traceKinds;
            }

            @Override
            public List<ProblemKind> problemKinds() {
                return problemKinds;
            }

            @Override
            public void validate(ValidationContext check) {
                check.report(ProblemKind.of("NOT_DECLARED", "x"), check.settingsPath(), null, null, "x");
            }
        };
    }

    @Test
    void theRegistryRejectsTraceKindsThatClash() {
        assertThatThrownBy(() ->
                        NodeRegistry.of(plugin("a", Set.of("sent"), List.of()), plugin("b", Set.of("sent"), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plugins 'a' and 'b' both declare the trace kind 'sent'");
        assertThatThrownBy(() -> NodeRegistry.of(plugin("a", Set.of("node"), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plugin 'a': 'node' is a trace kind of the runtime");
        assertThatThrownBy(() -> NodeRegistry.of(plugin("a", Set.of("Sent-1"), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "plugin 'a': trace kind 'Sent-1' must be letters and digits starting with a lower-case letter");
    }

    @Test
    void theRegistryRejectsProblemKindsThatClash() {
        ProblemKind kind = ProblemKind.of("BAD_THING", "a bad thing");
        assertThatThrownBy(() -> NodeRegistry.of(
                        plugin("a", Set.of(), List.of(kind)),
                        plugin("b", Set.of(), List.of(ProblemKind.of("BAD_THING", "the same name")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plugins 'a' and 'b' both declare the problem kind BAD_THING");
        assertThatThrownBy(() -> ProblemKind.of("SCHEMA", "mine"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'SCHEMA' is a problem kind of the runtime");
        assertThatThrownBy(() -> ProblemKind.of("bad name", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a problem kind is named in upper case letters, digits and _, was 'bad name'");
        assertThat(kind).isEqualTo(ProblemKind.of("BAD_THING", "other words")).hasToString("BAD_THING");
        assertThat(ProblemKind.SCHEMA.isRuntimeKind()).isTrue();
        assertThat(kind.isRuntimeKind()).isFalse();
        assertThat(ProblemKind.runtimeKinds())
                .extracting(ProblemKind::name)
                .doesNotContain("UNKNOWN_CONNECTION", "INVALID_URL", "INVALID_PORT", "DUPLICATE_CONNECTION");
    }

    @Test
    void aPluginThatReportsAKindItDoesNotDeclareIsAProblemOfThePlugin() {
        LoadResult r = Harness.loader(Map.of(), plugin("a", Set.of(), List.of()))
                .load(q("{'format':1,'name':'t','logic':{'project':{'nodes':[]}}}"));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.INVALID_SETTING);
            assertThat(p.message())
                    .contains("plugin 'a' reports the problem kind NOT_DECLARED, which it does not declare");
        });
    }

    @Test
    void aPluginRecordIsWrittenWithItsFieldsInOrderAndOnlyDeclaredKindsAreAccepted() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        LoadedProject p = ExecutorTest.load(
                "{'format':1,'name':'t'," + ExecutorTest.CONNECTIONS + "'logic':{'project':{'nodes':[]}}}", demo);
        try (Harness.Session s = new Harness.Session(p)) {
            s.idle();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("z", "last letter");
            fields.put("count", 3);
            fields.put("ok", true);
            fields.put("ratio", 0.5);
            fields.put("none", null);
            demo.context.trace("sent", fields);
            s.idle();
            assertThat(s.traceLines())
                    .contains(
                            "{\"t\":0,\"kind\":\"sent\",\"z\":\"last letter\",\"count\":3,\"ok\":true,\"ratio\":0.5}");
            assertThat(s.events)
                    .filteredOn(TraceEvent.PluginRecord.class::isInstance)
                    .singleElement()
                    .satisfies(e ->
                            assertThat(((TraceEvent.PluginRecord) e).plugin()).isEqualTo("demo"));
            assertThatThrownBy(() -> demo.context.trace("connection", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("plugin 'demo' declares no trace kind 'connection'");
            assertThatThrownBy(() -> demo.context.trace("sent", Map.of("kind", "x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a trace record's field may not be named 'kind'");
            assertThatThrownBy(() -> demo.context.trace("sent", Map.of("list", List.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("trace field 'list' must be a String, Long, Integer, Double or Boolean");
        }
        assertThat(JsonLinesTraceWriter.line(new TraceEvent.PluginRecord(5, "demo", "received", Map.of())))
                .isEqualTo("{\"t\":5,\"kind\":\"received\"}");
    }

    @Test
    void recordsFromAnotherThreadComeInOrderBeforeTheNextEventsAndBeforeRunStopped() throws Exception {
        DemoPlugin demo = new DemoPlugin();
        LoadedProject p = ExecutorTest.load(
                "{'format':1,'name':'t'," + ExecutorTest.CONNECTIONS + "'logic':{'project':{'nodes':[]}}}", demo);
        try (Harness.Session s = new Harness.Session(p)) {
            s.idle();
            // this thread is not the logic thread: the records wait for the logic thread's next event
            // (or a moment), so the idle run is not woken for each of them
            for (int i = 0; i < 5; i++) {
                demo.context.trace("sent", Map.of("name", "e" + i));
            }
            demo.context.logicExecutor().execute(() -> demo.context.trace("received", Map.of("name", "next")));
            s.idle();
            assertThat(names(s)).containsExactly("e0", "e1", "e2", "e3", "e4", "next");

            demo.context.trace("sent", Map.of("name", "alone"));
            s.idle(); // nothing else happens: the record arrives all the same
            assertThat(names(s)).endsWith("alone");

            demo.context.trace("sent", Map.of("name", "last"));
            s.run.stop(0);
            assertThat(s.run.awaitExit(java.time.Duration.ofSeconds(10))).isZero();
            assertThat(s.events.get(s.events.size() - 2))
                    .isInstanceOfSatisfying(
                            TraceEvent.PluginRecord.class,
                            r -> assertThat(r.text("name")).isEqualTo("last"));
            assertThat(s.events.get(s.events.size() - 1)).isInstanceOf(TraceEvent.RunStopped.class);
        }
    }

    private static List<String> names(Harness.Session s) {
        synchronized (s.events) {
            return s.events.stream()
                    .filter(TraceEvent.PluginRecord.class::isInstance)
                    .map(e -> ((TraceEvent.PluginRecord) e).text("name"))
                    .toList();
        }
    }
}
