package io.pulseio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's main command, {@code pulseio run examples/hello/project.json}, through the CLI's own entry
 * point: the example hosts its server with the server nodes, so it needs nothing but Java, prints what
 * {@code examples/README.md} documents and ends by itself with exit code 0.
 */
class EmbeddedHelloTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void theHelloExampleRunsWithJavaAloneAndPrintsItsDocumentedOutput() throws IOException {
        long start = System.nanoTime();
        Cli.Result r = Cli.run("run", EXAMPLES.resolve("hello/project.json").toString(), "--duration", "20s");

        assertThat(r.exitCode()).as("exit code; stderr: " + r.err()).isZero();
        assertThat(r.out().lines().toList()).isEqualTo(documented("hello"));
        assertThat(System.nanoTime() - start).as("run time (ns)").isLessThan(10_000_000_000L);
    }

    private static List<String> documented(String name) throws IOException {
        String readme = Files.readString(EXAMPLES.resolve("README.md"));
        Matcher m = Pattern.compile(
                        "<!-- expected output: " + Pattern.quote(name) + " -->\\s*```text\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(m.find())
                .as("expected output of " + name + " in examples/README.md")
                .isTrue();
        return m.group(1).lines().toList();
    }
}
