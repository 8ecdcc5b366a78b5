package io.pulseio.logic;

import static io.pulseio.logic.ValidationRulesTest.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader accepts as a project's text: one JSON document, no duplicate keys, a bounded size. */
class LoaderInputTest {
    static final String VALID = q("{'format':1,'name':'t','logic':{}}");

    static LoadResult load(String json) {
        return Harness.loader(Map.of(), new DemoPlugin()).load(json);
    }

    @Test
    void contentAfterTheDocumentIsASyntaxProblem() {
        assertThat(load(VALID + " {\"more\":1}").problems())
                .containsExactly(new Problem(
                        ProblemKind.SYNTAX,
                        "$",
                        null,
                        null,
                        "invalid JSON at line 1, column 36: unexpected content after the end of the JSON document"));
    }

    @Test
    void anUnclosedObjectSaysWhereItOpenedInPlainWords() {
        assertThat(load("{\n").problems())
                .extracting(Problem::message)
                .containsExactly("invalid JSON at line 2, column 1: Unexpected end-of-input: expected close marker for "
                        + "Object (opened at line 1, column 1)");
    }

    @Test
    void aByteOrderMarkBeforeTheDocumentIsIgnored(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertThat(load("\uFEFF" + VALID).isValid()).isTrue();
        java.nio.file.Path file = dir.resolve("bom.json");
        java.nio.file.Files.write(file, ("\uFEFF" + VALID).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ProjectLoader.read(file)).isEqualTo(VALID);
    }

    @Test
    void whitespaceAfterTheDocumentIsFine() {
        assertThat(load(VALID + "\n\n  ").isValid()).isTrue();
    }

    @Test
    void aDuplicateKeyIsASyntaxProblemAtTheObjectThatHasItTwice() {
        String json =
                q("{'format':1,'name':'t','logic':{'project':{'nodes':[{'id':'a','type':'core.print','id':'b'}]}}}");
        assertThat(load(json).problems())
                .containsExactly(new Problem(
                        ProblemKind.SYNTAX,
                        "$.logic.project.nodes[0]",
                        null,
                        null,
                        "invalid JSON at line 1, column 87: duplicate key 'id'"));
    }

    @Test
    void aDuplicateTopLevelKeyIsReportedAtTheRoot() {
        assertThat(load(q("{'format':1,'name':'t','name':'u','logic':{}}")).problems())
                .extracting(Problem::path, Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "$", "invalid JSON at line 1, column 30: duplicate key 'name'"));
    }

    @Test
    void nestingDeeperThanTheProjectMapperAllowsIsASyntaxProblem() {
        int depth = io.pulseio.protocol.Json.MAX_DEPTH + 1;
        String deep = VALID.replace("\"logic\":{}", "\"logic\":{},\"x\":" + "[".repeat(depth) + "]".repeat(depth));
        assertThat(load(deep).problems())
                .containsExactly(new Problem(
                        ProblemKind.SYNTAX,
                        "$",
                        null,
                        null,
                        "invalid JSON: arrays and objects nested deeper than 256"));
    }

    @Test
    void textLargerThanTheLimitIsOneProblem() {
        String huge = VALID.replace(
                "'t'".replace('\'', '"'),
                "\""
                        + "x"
                                .repeat(
                                        ProjectLoader.MAX_FILE_BYTES > Integer.MAX_VALUE
                                                ? 0
                                                : (int) ProjectLoader.MAX_FILE_BYTES)
                        + "\"");
        assertThat(load(huge).problems())
                .containsExactly(new Problem(ProblemKind.SYNTAX, "$", null, null, "the project is larger than 16 MiB"));
    }

    @Test
    void anEndlessFileIsRefusedAfterTheLimitWithoutExhaustingMemory() {
        assertThatThrownBy(() -> ProjectLoader.read(Path.of("/dev/zero")))
                .isInstanceOf(IOException.class)
                .hasMessage("the file is larger than 16 MiB, the most a project may have");
    }

    @Test
    void aFileAtTheLimitIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        String padded = VALID + " ".repeat((int) ProjectLoader.MAX_FILE_BYTES - VALID.length());
        Files.writeString(file, padded);
        assertThat(Harness.loader(Map.of(), new DemoPlugin()).load(file).isValid())
                .isTrue();
    }

    @Test
    void aFileThatIsNotUtf8IsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        Files.write(file, new byte[] {'{', (byte) 0xC3, '}'});
        assertThatThrownBy(() -> ProjectLoader.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage("the file is not UTF-8 text");
    }
}
