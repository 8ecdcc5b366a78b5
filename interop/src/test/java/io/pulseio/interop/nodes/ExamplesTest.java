package io.pulseio.interop.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.interop.NodeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs each project of {@code examples/} (the {@code node-server.json} variants against the fixture
 * server), the way {@code pulseio run} would (through the logic API), and checks that it prints exactly the output {@code examples/README.md}
 * documents for it (the fenced block after {@code <!-- expected output: NAME -->}).
 */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    /** The embedded default: the project hosts its own server; no fixture needed. */
    @Test
    void hello() throws Exception {
        try (GoldenRun run = GoldenRun.startFile(EXAMPLES.resolve("hello/project.json"))) {
            assertThat(finish(run)).isEqualTo(documented("hello"));
        }
    }

    @Test
    void helloAgainstTheNodeServer() throws Exception {
        try (NodeServer server = NodeServer.start();
                GoldenRun run = startNode("hello", server)) {
            assertThat(finish(run)).isEqualTo(documented("hello/node-server"));
        }
    }

    /** Embedded: the project relays the clients' {@code broadcast} events with its own server. */
    @Test
    void dashboard() throws Exception {
        try (GoldenRun run = GoldenRun.startFile(EXAMPLES.resolve("dashboard/project.json"))) {
            assertThat(finish(run)).isEqualTo(documented("dashboard"));
        }
    }

    @Test
    void dashboardAgainstTheNodeServer() throws Exception {
        try (NodeServer server = NodeServer.start();
                GoldenRun run = startNode("dashboard", server)) {
            assertThat(finish(run)).isEqualTo(documented("dashboard"));
        }
    }

    /** Embedded: the project stops its own server and starts it again; the client reconnects by itself. */
    @Test
    void resilience() throws Exception {
        try (GoldenRun run = GoldenRun.startFile(EXAMPLES.resolve("resilience/project.json"))) {
            assertThat(finish(run)).isEqualTo(documented("resilience"));
        }
    }

    /** The test plays the outage: kills the server once connected, starts it again once the loss is seen. */
    @Test
    void resilienceAgainstTheNodeServer() throws Exception {
        try (NodeServer server = NodeServer.start();
                GoldenRun run = startNode("resilience", server)) {
            run.awaitLine(line -> line.startsWith("server has: "));
            server.kill();
            run.awaitLine(line -> line.startsWith("connection lost"));
            server.restart();
            // A killed server ends a connection with "transport close" or "transport error", depending on
            // the transport and on the moment; the README shows the first.
            List<String> out = finish(run).stream()
                    .map(l -> l.replace("transport error", "transport close"))
                    .toList();
            assertThat(out).isEqualTo(documented("resilience/node-server"));
        }
    }

    /** The variant of an example that talks to the fixture server. */
    private static GoldenRun startNode(String name, NodeServer server) throws IOException {
        return GoldenRun.startFile(EXAMPLES.resolve(name).resolve("node-server.json"), server);
    }

    private static List<String> finish(GoldenRun run) throws Exception {
        assertThat(run.run.awaitExit(GoldenRun.WAIT)).as("exit code").isZero();
        return run.output();
    }

    /** The documented output of an example. */
    static List<String> documented(String name) throws IOException {
        String readme = Files.readString(EXAMPLES.resolve("README.md"));
        Matcher m = Pattern.compile(
                        "<!-- expected output: " + Pattern.quote(name) + " -->\\s*```text\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(m.find())
                .as("expected output of " + name + " in examples/README.md")
                .isTrue();
        return m.group(1).lines().toList();
    }

    /**
     * The size table of examples/README.md ("now: nodes + links", every graph of a project counted, as its jq
     * line does) holds for the files as they are.
     */
    @Test
    void theDocumentedSizesAreTheFilesSizes() throws Exception {
        String readme = Files.readString(EXAMPLES.resolve("README.md"));
        int total = 0;
        for (String name : List.of("hello", "dashboard", "resilience")) {
            Matcher row = Pattern.compile("\\| " + name + " `project\\.json` \\| [^|]* \\| (\\d+) \\+ (\\d+) = (\\d+)")
                    .matcher(readme);
            assertThat(row.find())
                    .as("size row of " + name + " in examples/README.md")
                    .isTrue();
            var project = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(EXAMPLES.resolve(name).resolve("project.json").toFile())
                    .path("logic");
            List<com.fasterxml.jackson.databind.JsonNode> graphs = new java.util.ArrayList<>();
            graphs.add(project.path("project"));
            project.path("scenes").forEach(graphs::add);
            project.path("functions").forEach(graphs::add);
            int nodes = graphs.stream().mapToInt(g -> g.path("nodes").size()).sum();
            int links = graphs.stream().mapToInt(g -> g.path("links").size()).sum();
            assertThat(List.of(nodes, links, nodes + links))
                    .as(name)
                    .containsExactly(
                            Integer.parseInt(row.group(1)),
                            Integer.parseInt(row.group(2)),
                            Integer.parseInt(row.group(3)));
            total += nodes + links;
        }
        assertThat(readme).contains("| the three together | 270 | " + total + " (");
    }
}
