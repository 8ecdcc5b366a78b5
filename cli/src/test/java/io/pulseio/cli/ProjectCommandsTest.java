package io.pulseio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void validateSaysOkForAGoodProject() {
        Cli.Result r = Cli.run("validate", Cli.project("hello.json").toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("OK ").contains("project 'hello', 3 nodes in 1 graph");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validateListsEveryProblemWithPathNodePinAndKindAndExits65() {
        Path file = Cli.project("invalid.json");
        Cli.Result r = Cli.run("validate", file.toString());

        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines())
                .containsExactly(
                        file
                                + ": $.logic.project.nodes[1].type [node mystery]: unknown node type 'core.doesNotExist' (UNKNOWN_NODE_TYPE)",
                        file
                                + ": $.logic.project.nodes[2] [node choose, pin condition]: required input 'condition' has "
                                + "neither a link nor a constant (MISSING_INPUT)",
                        "2 problems in " + file);
    }

    @Test
    void validateNamesTheKindOfAProblemAsDocumented() throws Exception {
        Path copy = copy("switches.json");
        Files.writeString(
                copy,
                Files.readString(copy)
                        .replace("true", "false")
                        .replace(
                                "{ \"id\": \"start\", \"type\": \"core.onProjectStart\" }",
                                "{ \"id\": \"start\", \"type\": \"core.onProjectStart\" }, { \"id\": \"p\", \"type\": \"clidemo.pass\" }"));

        Cli.Result r = Cli.run("validate", copy.toString());

        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err().lines().findFirst().orElseThrow())
                .startsWith(copy + ": $.logic.project.nodes[1].type [node p]: ")
                .contains("clidemo")
                .endsWith(" (PLUGIN_DISABLED)");
    }

    @Test
    void runRefusesAnInvalidProjectWith65() {
        Cli.Result r = Cli.run("run", Cli.project("invalid.json").toString());

        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err()).contains("unknown node type 'core.doesNotExist'");
    }

    @Test
    void runEndsWithTheStopProjectExitCode() {
        Cli.Result r = Cli.run("run", Cli.project("hello.json").toString());

        assertThat(r.out()).isEqualTo("hello from pulseio" + System.lineSeparator());
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test
    void runStopsAfterTheDurationAndWritesTheTraceAsJsonLines() throws Exception {
        Path trace = tmp.resolve("run.jsonl");
        Cli.Result r = Cli.run(
                "run", Cli.project("ticking.json").toString(), "--duration", "300ms", "--trace", trace.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines()).isNotEmpty().allMatch("tick"::equals);
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            records.add(JSON.readTree(line));
        }
        assertThat(records.get(0).get("kind").asText()).isEqualTo("runStarted");
        assertThat(records.get(0).get("project").asText()).isEqualTo("ticking");
        assertThat(records.get(records.size() - 1).get("kind").asText()).isEqualTo("runStopped");
        assertThat(records.get(records.size() - 1).get("exitCode").asInt()).isZero();
        assertThat(records)
                .anyMatch(n -> n.get("kind").asText().equals("node")
                        && n.get("node").asText().equals("print"));
        assertThat(records).allMatch(n -> n.get("t").isIntegralNumber());
    }

    @Test
    void nodesJsonListsEveryTypeWithItsPins() throws Exception {
        Cli.Result r = Cli.run("nodes", "--json");

        assertThat(r.exitCode()).isZero();
        JsonNode types = JSON.readTree(r.out());
        assertThat(types.isArray()).isTrue();
        JsonNode print = find(types, "core.print");
        assertThat(print.get("name").asText()).isEqualTo("Print");
        assertThat(print.get("plugin").asText()).isEqualTo("core");
        JsonNode message = print.get("inputs").get(1);
        assertThat(message.get("name").asText()).isEqualTo("message");
        assertThat(message.get("type").asText()).isEqualTo("any");
        assertThat(message.get("direction").asText()).isEqualTo("in");
        assertThat(message.get("default").asText()).isEmpty();
        assertThat(print.get("outputs").get(0).get("direction").asText()).isEqualTo("out");
        assertThat(find(types, "clidemo.pass")).isNotNull();
    }

    @Test
    void nodesHonourTheProjectsPluginSwitch() throws Exception {
        Path copy = copy("switches.json");
        Files.writeString(copy, Files.readString(copy).replace("true", "false"));

        Cli.Result r = Cli.run("nodes", "--project", copy.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("core.print").doesNotContain("clidemo.pass");
        assertThat(r.err()).contains("switched off").contains("clidemo");
    }

    @Test
    void pluginsListsEachPluginWithItsState() {
        Cli.Result r = Cli.run("plugins", Cli.project("switches.json").toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("core +always enabled").containsPattern("clidemo +enabled +1  CLI demo");
    }

    @Test
    void pluginsDisableRewritesOnlyTheSwitch() throws Exception {
        Path copy = copy("switches.json");
        String before = Files.readString(copy);

        Cli.Result r = Cli.run("plugins", copy.toString(), "--disable", "clidemo");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("disabled").contains("next time the project is loaded");
        assertThat(Files.readString(copy)).isEqualTo(before.replace("\"enabled\": true", "\"enabled\": false"));
        assertThat(Cli.run("plugins", copy.toString()).out()).containsPattern("clidemo +disabled");
    }

    @Test
    void pluginsDisableAddsAPluginsSectionInTheFilesOwnStyle() throws Exception {
        Path copy = copy("noswitches.json");

        Cli.Result r = Cli.run("plugins", copy.toString(), "--disable", "clidemo");

        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(copy))
                .isEqualTo("{\n\t\"format\": 1,\n\t\"name\": \"noswitches\",\n"
                        + "\t\"plugins\": { \"clidemo\": { \"enabled\": false } },\n"
                        + "\t\"logic\": { \"project\": { \"nodes\": [], \"links\": [] } }\n}\n");
        assertThat(Cli.run("validate", copy.toString()).exitCode()).isZero();
    }

    @Test
    void pluginsRefusesTheCorePluginAndUnknownIds() throws Exception {
        Path copy = copy("switches.json");

        Cli.Result core = Cli.run("plugins", copy.toString(), "--disable", "core");
        Cli.Result unknown = Cli.run("plugins", copy.toString(), "--enable", "nosuch");

        assertThat(core.exitCode()).isEqualTo(64);
        assertThat(core.err()).contains("always enabled");
        assertThat(unknown.exitCode()).isEqualTo(64);
        assertThat(unknown.err()).contains("Unknown plugin 'nosuch'");
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(Cli.project("switches.json")));
    }

    private Path copy(String name) throws Exception {
        Path copy = tmp.resolve(name);
        Files.writeString(copy, Files.readString(Cli.project(name), StandardCharsets.UTF_8));
        return copy;
    }

    private static JsonNode find(JsonNode types, String id) {
        for (JsonNode t : types) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        return null;
    }
}
