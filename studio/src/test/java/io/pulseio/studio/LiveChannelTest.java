package io.pulseio.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.studio.internal.ProjectFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveChannelTest {
    /** Prints two lines, then stops. */
    private static final String PRINTER = """
            {"format":1,"name":"printer","logic":{"project":{"nodes":[
              {"id":"go","type":"core.onProjectStart"},
              {"id":"seq","type":"core.sequence"},
              {"id":"hi","type":"core.print","inputs":{"message":"hello from the studio"}},
              {"id":"bye","type":"core.print","inputs":{"message":"bye"}},
              {"id":"stop","type":"core.stopProject"}],
             "links":[{"from":"go.out","to":"seq.in"},{"from":"seq.then0","to":"hi.in"},
              {"from":"seq.then1","to":"bye.in"},{"from":"bye.out","to":"stop.in"}]}}}""";
    /** Waits for ever (a Delay of an hour), so that Stop has something to stop. */
    private static final String WAITER = """
            {"format":1,"name":"waiter","logic":{"project":{"nodes":[
              {"id":"go","type":"core.onProjectStart"},{"id":"wait","type":"core.delay","inputs":{"ms":3600000}}],
             "links":[{"from":"go.out","to":"wait.in"}]}}}""";

    private static final String BROKEN = """
            {"format":1,"name":"broken","logic":{"project":{"nodes":[
              {"id":"go","type":"core.onProjectStart"},{"id":"b","type":"core.branch"}],
             "links":[{"from":"go.out","to":"b.in"}]}}}""";

    @TempDir
    Path dir;

    private Path file;
    private Studio studio;
    private StudioClient page;

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve("printer.json");
        Files.writeString(file, PRINTER);
        studio = Studio.start(new StudioOptions(file, "127.0.0.1", 0, TestPage.in(dir), "t0ken"));
        page = new StudioClient(studio.port(), "t0ken", null);
        assertThat(page.awaitOutcome()).isEqualTo("connected");
    }

    @AfterEach
    void stop() {
        page.close();
        studio.close();
    }

    @Test
    void openAnswersTheFileItsTextItsProblemsAndTheToolbox() throws Exception {
        JsonNode opened = page.ask("open", StudioClient.JSON.createObjectNode());
        assertThat(opened.path("ok").asBoolean()).isTrue();
        assertThat(opened.path("file").asText()).isEqualTo(file.toString());
        assertThat(opened.path("text").asText()).isEqualTo(PRINTER);
        assertThat(opened.path("problems")).isEmpty();
        assertThat(opened.path("running").asBoolean()).isFalse();
        JsonNode nodes = opened.path("catalogue").path("nodes");
        assertThat(nodes.findValuesAsText("id")).contains("core.print", "socketio.send");
        assertThat(opened.path("catalogue").path("plugins").findValuesAsText("id"))
                .containsExactly("core", "socketio");
    }

    @Test
    void aFileChangedOnDiskBeforeTheFirstOpenIsCheckedAgainNotAnsweredFromTheStartsCheck() throws Exception {
        Files.writeString(file, BROKEN);
        JsonNode opened = page.ask("open", StudioClient.JSON.createObjectNode());
        assertThat(opened.path("text").asText()).isEqualTo(BROKEN);
        assertThat(opened.path("problems").findValuesAsText("kind")).containsExactly("MISSING_INPUT");
        Files.writeString(file, PRINTER);
        assertThat(page.ask("open", StudioClient.JSON.createObjectNode()).path("problems"))
                .isEmpty();
    }

    @Test
    void anOpenSoonAfterACheckOfOtherTextAnswersTheFilesOwnCheckWithTheToolbox() throws Exception {
        // an open reuses the loader's last answer only for the same text, and always with the catalogue
        // (the page asking had it already, the next page does not)
        JsonNode first = page.ask("check", PRINTER);
        ObjectNode known = StudioClient.JSON
                .createObjectNode()
                .put("text", BROKEN)
                .put("catalogue", first.path("catalogue").path("key").asText());
        assertThat(page.ask("check", known).path("problems").findValuesAsText("kind"))
                .containsExactly("MISSING_INPUT");
        JsonNode opened = page.ask("open", StudioClient.JSON.createObjectNode());
        assertThat(opened.path("text").asText()).isEqualTo(PRINTER);
        assertThat(opened.path("problems")).isEmpty();
        assertThat(opened.path("catalogue").path("key").asText()).isEqualTo("core,socketio");
        ObjectNode again =
                StudioClient.JSON.createObjectNode().put("text", PRINTER).put("catalogue", "core,socketio");
        assertThat(page.ask("check", again).has("catalogue")).isFalse();
        assertThat(page.ask("open", StudioClient.JSON.createObjectNode())
                        .path("catalogue")
                        .path("key")
                        .asText())
                .as("a check that left the catalogue out still leaves a whole answer for the next open")
                .isEqualTo("core,socketio");
    }

    @Test
    void checkAnswersTheLoadersProblemsWithNodeAndPin() throws Exception {
        JsonNode checked = page.ask("check", BROKEN);
        JsonNode problem = checked.path("problems").get(0);
        assertThat(problem.path("kind").asText()).isEqualTo("MISSING_INPUT");
        assertThat(problem.path("node").asText()).isEqualTo("b");
        assertThat(problem.path("pin").asText()).isEqualTo("condition");
        assertThat(problem.path("path").asText()).isEqualTo("$.logic.project.nodes[1]");
        assertThat(checked.path("problems")).hasSize(1);
    }

    @Test
    void checkAnswersEachNodesPinsAsTheLoaderWorksThemOutAlsoWithProblems() throws Exception {
        JsonNode checked = page.ask("check", """
                {"format":1,"name":"pins","logic":{"project":{"nodes":[
                  {"id":"go","type":"core.onProjectStart"},
                  {"id":"sw","type":"core.switch","attributes":{"cases":["red","green"]}},
                  {"id":"seq","type":"core.sequence","attributes":{"count":3}},
                  {"id":"odd","type":"no.such"}],
                 "links":[]}}}""");
        assertThat(checked.path("problems").findValuesAsText("kind")).contains("UNKNOWN_NODE_TYPE");
        JsonNode pins = checked.path("signatures");
        assertThat(pins.fieldNames())
                .as("only the nodes whose pins are not their descriptor's")
                .toIterable()
                .containsExactly("sw", "seq");
        assertThat(pins.path("seq").path("outputs").findValuesAsText("name"))
                .containsExactly("then0", "then1", "then2");
        assertThat(pins.path("sw").path("outputs").findValuesAsText("name"))
                .containsExactly("case0", "case1", "default");
        JsonNode value = pins.path("sw").path("inputs").get(1); // in, then value
        assertThat(value.path("direction").asText()).isEqualTo("in");
        assertThat(value.path("type").asText()).isNotEqualTo("pulse");
        assertThat(page.ask("check", "{").path("signatures")).isEmpty();
    }

    @Test
    void checkLeavesOutTheCatalogueThePageHasAlready() throws Exception {
        JsonNode first = page.ask("check", PRINTER);
        String key = first.path("catalogue").path("key").asText();
        assertThat(key).isEqualTo("core,socketio");
        ObjectNode again =
                StudioClient.JSON.createObjectNode().put("text", PRINTER).put("catalogue", key);
        assertThat(page.ask("check", again).has("catalogue")).isFalse();
        ObjectNode switchedOff = StudioClient.JSON
                .createObjectNode()
                .put("catalogue", key)
                .put(
                        "text",
                        "{\"format\":1,\"name\":\"x\",\"plugins\":{\"socketio\":{\"enabled\":false}},\"logic\":{}}");
        assertThat(page.ask("check", switchedOff).path("catalogue").path("key").asText())
                .isEqualTo("core");
    }

    @Test
    void theToolboxFollowsThePluginSwitchesOfTheTextChecked() throws Exception {
        JsonNode checked = page.ask(
                "check", "{\"format\":1,\"name\":\"x\",\"plugins\":{\"socketio\":{\"enabled\":false}},\"logic\":{}}");
        assertThat(checked.path("catalogue").path("nodes").findValuesAsText("id"))
                .contains("core.print")
                .noneMatch(id -> id.startsWith("socketio."));
        assertThat(checked.path("catalogue")
                        .path("plugins")
                        .get(1)
                        .path("enabled")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void saveWritesDeterministicallyAndRefusesToOverwriteAChangeOnDisk() throws Exception {
        JsonNode saved = page.ask("save", PRINTER);
        assertThat(saved.path("ok").asBoolean()).isTrue();
        assertThat(Files.readString(file))
                .isEqualTo(saved.path("text").asText())
                .startsWith("{\n  \"format\": 1,\n");
        Files.writeString(file, "{\"format\":1,\"name\":\"changed\",\"logic\":{}}");
        JsonNode refused = page.ask("save", PRINTER);
        assertThat(refused.path("ok").asBoolean()).isFalse();
        assertThat(refused.path("conflict").asBoolean()).isTrue();
        // the version on disk now, so the page can re-base without a second open
        assertThat(refused.path("version").asText()).isEqualTo(ProjectFile.version(Files.readAllBytes(file)));
        assertThat(Files.readString(file)).contains("changed");
        Files.delete(file);
        JsonNode gone = page.ask("save", PRINTER);
        assertThat(gone.path("conflict").asBoolean()).isTrue();
        assertThat(gone.path("version").asText()).isEqualTo(ProjectFile.DELETED);
        assertThat(gone.path("error").asText()).endsWith("was deleted since it was opened");
        assertThat(file).doesNotExist();
        JsonNode forced = page.ask(
                "save",
                StudioClient.JSON.createObjectNode().put("text", PRINTER).put("force", true));
        assertThat(forced.path("ok").asBoolean()).isTrue();
        assertThat(Files.readString(file)).contains("printer");
    }

    @Test
    void twoTabsOpenedOnOneFileAreAskedBeforeOneOverwritesTheOthersSave() throws Exception {
        String first = page.ask("open", StudioClient.JSON.createObjectNode())
                .path("version")
                .asText();
        String second = page.ask("open", StudioClient.JSON.createObjectNode())
                .path("version")
                .asText();
        assertThat(second).isEqualTo(first).hasSize(64);
        JsonNode saved = page.ask(
                "save",
                StudioClient.JSON
                        .createObjectNode()
                        .put("text", PRINTER.replace("hello from the studio", "first tab"))
                        .put("base", first));
        assertThat(saved.path("ok").asBoolean()).isTrue();
        assertThat(saved.path("version").asText()).isNotEqualTo(first);
        JsonNode refused = page.ask(
                "save",
                StudioClient.JSON
                        .createObjectNode()
                        .put("text", PRINTER.replace("hello from the studio", "second tab"))
                        .put("base", second));
        assertThat(refused.path("conflict").asBoolean()).isTrue();
        assertThat(refused.path("version").asText())
                .isEqualTo(saved.path("version").asText());
        assertThat(refused.path("error").asText())
                .endsWith("changed on disk since it was opened (by another program or another tab)");
        assertThat(Files.readString(file)).contains("first tab").doesNotContain("second tab");
        JsonNode reopened = page.ask("open", StudioClient.JSON.createObjectNode());
        assertThat(reopened.path("text").asText()).contains("first tab");
        assertThat(reopened.path("version").asText())
                .isEqualTo(saved.path("version").asText());
    }

    @Test
    void runSendsThePrintedLinesTheNodeCountsAndTheEnd() throws Exception {
        assertThat(page.ask("run", PRINTER).path("ok").asBoolean()).isTrue();
        assertThat(page.awaitTraceEvent(e -> "print".equals(e.path("kind").asText()))
                        .path("line")
                        .asText())
                .isEqualTo("hello from the studio");
        assertThat(page.awaitRunState("stopped").path("exitCode").asInt()).isZero();
    }

    @Test
    void aProjectWithProblemsIsNotRun() throws Exception {
        JsonNode answer = page.ask("run", BROKEN);
        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("error").asText()).isEqualTo("the project has problems; it was not started");
        assertThat(answer.path("problems").get(0).path("kind").asText()).isEqualTo("MISSING_INPUT");
    }

    @Test
    void stopEndsARunAndRestartStartsAgain() throws Exception {
        assertThat(page.ask("run", WAITER).path("ok").asBoolean()).isTrue();
        page.awaitRunState("running");
        assertThat(page.ask("run", WAITER).path("error").asText())
                .isEqualTo("the project is already running: stop it first, or restart");
        assertThat(page.ask("restart", WAITER).path("ok").asBoolean()).isTrue();
        page.awaitRunState("stopped");
        page.awaitRunState("running");
        assertThat(page.ask("stop", StudioClient.JSON.createObjectNode())
                        .path("ok")
                        .asBoolean())
                .isTrue();
        page.awaitRunState("stopped");
        assertThat(page.ask("stop", StudioClient.JSON.createObjectNode())
                        .path("error")
                        .asText())
                .isEqualTo("the project is not running");
    }

    @Test
    void aCommandWithoutItsTextSaysWhatItNeeds() throws Exception {
        JsonNode answer = page.ask("check", StudioClient.JSON.createObjectNode());
        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("error").asText()).isEqualTo("check: needs {\"text\": \"<the project as JSON text>\"}");
        assertThat(page.ask("save", "{broken").path("error").asText()).startsWith("save: the text is not JSON");
    }
}
