package io.pulseio.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden tests: each {@code golden/NAME.json} runs in virtual time; its printed lines plus
 * {@code exit N} must equal {@code NAME.out}, and where {@code NAME.trace.jsonl} exists the trace must
 * equal it line for line. Run with {@code -Dgolden.write=true} to rewrite the trace files (then review
 * the diff: they are the specification). The {@code demo} plugin ({@link DemoPlugin}) is there for
 * what needs a plugin (e.g. {@code nodeError}: where a failed node's error listener runs).
 */
class GoldenTest {
    private static final boolean WRITE = Boolean.getBoolean("golden.write");
    private static final Path DIR = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "print",
                "stop",
                "sequence",
                "branch",
                "math",
                "format",
                "jsonGet",
                "variables",
                "scenes",
                "delay",
                "timer",
                "function",
                "nodeError",
                "printFormat",
                "switch",
                "addToVariable",
                "conversions",
                "unhandledStop"
            })
    void projectPrintsAndTracesAsRecorded(String name) throws Exception {
        LoadResult result = Harness.load(Harness.resource("golden/" + name + ".json"), new DemoPlugin());
        assertThat(result.problems()).isEmpty();
        try (Harness.Session s = new Harness.Session(result.orThrow())) {
            s.settle(60_000);
            int exit = s.run.awaitExit(Harness.WAIT);
            List<String> output = new ArrayList<>(s.output);
            output.add("exit " + exit);
            assertThat(output).containsExactlyElementsOf(lines(Harness.resource("golden/" + name + ".out")));
            Path trace = DIR.resolve(name + ".trace.jsonl");
            if (WRITE
                    && List.of("print", "math", "scenes", "delay", "nodeError").contains(name)) {
                Files.writeString(trace, String.join("\n", s.traceLines()) + "\n");
            }
            if (Files.exists(trace)) {
                assertThat(s.traceLines()).containsExactlyElementsOf(lines(Files.readString(trace)));
            }
        }
    }

    private static List<String> lines(String text) throws IOException {
        return text.lines().toList();
    }
}
