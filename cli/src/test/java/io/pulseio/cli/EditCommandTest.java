package io.pulseio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pulseio edit, in-process: the page comes from the studio's build (or is built from studio/page with npm). */
class EditCommandTest {
    private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:(\\d+)/\\?token=[0-9a-f]{48})\\R");

    @TempDir
    Path dir;

    private static Matcher awaitUrl(Cli.Live edit, Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && thread.isAlive()) {
            Matcher m = URL.matcher(edit.out.toString());
            if (m.lookingAt()) {
                return m;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no URL as the first line of stdout; stdout: " + edit.out + " stderr: " + edit.err);
    }

    @Test
    void editCreatesTheProjectPrintsTheUrlFirstAndServesThePageOnlyWithTheToken() throws Exception {
        Path project = dir.resolve("new.json");
        Cli.Live edit = new Cli.Live();
        Thread thread = new Thread(() -> edit.execute("edit", project.toString(), "--port", "0"));
        thread.start();
        try {
            Matcher url = awaitUrl(edit, thread);
            assertThat(project).exists();
            assertThat(Cli.run("validate", project.toString()).exitCode()).isZero();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(url.group(1)))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>pulseio studio</title>");
            HttpResponse<String> without = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + url.group(2) + "/"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(without.statusCode()).isEqualTo(403);
            assertThat(edit.err.toString()).contains("Ctrl-C stops");
        } finally {
            thread.interrupt();
            thread.join(10_000);
        }
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        Cli.Result r = Cli.run("edit", dir.resolve("p.json").toString(), "--port", "70000");
        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err()).contains("port must be 0-65535, was 70000");
    }

    @Test
    void aWildcardHostIsAUsageError() {
        for (String wildcard : new String[] {"0.0.0.0", "::"}) {
            Cli.Result r = Cli.run("edit", dir.resolve("p.json").toString(), "--host", wildcard, "--port", "0");
            assertThat(r.exitCode()).as(wildcard).isEqualTo(64);
            assertThat(r.err()).contains("give one of this machine's addresses");
            assertThat(r.out()).isEmpty();
        }
    }
}
