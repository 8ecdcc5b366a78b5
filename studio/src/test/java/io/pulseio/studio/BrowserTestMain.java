package io.pulseio.studio;

import io.pulseio.logic.LoadResult;
import io.pulseio.logic.ProjectLoader;
import io.pulseio.logic.ProjectRun;
import io.pulseio.logic.RunOptions;
import io.pulseio.logic.trace.JsonLinesTraceWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Java end of the browser tests (studio/page/test/run.mjs), run from the test class path:
 * {@code edit FILE} serves the studio with the page Maven built into target/classes and prints its
 * URL, until standard input closes; {@code run FILE TRACE} checks and runs a saved project as
 * {@code pulseio run --trace} would ({@code -} for TRACE: without a trace) (problems on stderr and exit 65; the printed lines on stdout).
 */
public final class BrowserTestMain {
    private BrowserTestMain() {}

    public static void main(String[] args) throws Exception {
        if ("edit".equals(args[0])) {
            StudioPage page = StudioPage.bundled()
                    .orElseThrow(() -> new IllegalStateException(
                            "the page is not in target/classes: build with Node.js and npm present"));
            try (Studio studio = Studio.start(StudioOptions.of(Path.of(args[1]), 0, page))) {
                System.out.println(studio.url());
                System.out.flush();
                while (System.in.read() >= 0) {
                    // until the test closes our standard input
                }
            }
            return;
        }
        LoadResult result = ProjectLoader.builder().build().load(Path.of(args[1]));
        if (!result.isValid()) {
            result.problems().forEach(System.err::println);
            System.exit(65);
        }
        if ("-".equals(args[2])) { // no trace: a plain run, as `pulseio run` without --trace
            ProjectRun run = result.orThrow().start(RunOptions.builder().build());
            System.exit(run.awaitExit(Duration.ofSeconds(30)));
        }
        try (Writer trace = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8);
                JsonLinesTraceWriter writer = new JsonLinesTraceWriter(trace)) {
            ProjectRun run =
                    result.orThrow().start(RunOptions.builder().trace(writer).build());
            int code = run.awaitExit(Duration.ofSeconds(30));
            writer.close();
            System.out.flush();
            System.exit(code);
        }
    }
}
