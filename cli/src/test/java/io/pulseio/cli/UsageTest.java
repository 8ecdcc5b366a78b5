package io.pulseio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class UsageTest {

    @Test
    void noCommandPrintsTheUsageAndExits64() {
        Cli.Result r = Cli.run();

        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err()).contains("Usage: pulseio").contains("Examples (");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithOrWithoutHelp() {
        for (String[] args : new String[][] {{"bogus"}, {"bogus", "--help"}, {"--help", "bogus"}, {"bogus", "-h"}}) {
            Cli.Result r = Cli.run(args);

            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(64);
            assertThat(r.out()).as(String.join(" ", args)).isEmpty();
            assertThat(r.err())
                    .as(String.join(" ", args))
                    .startsWith("Unknown command: 'bogus' (commands: run, validate, nodes, plugins, emit, listen, "
                            + "serve, edit)")
                    .contains("'pulseio --help'");
        }
    }

    @Test
    void helpAndAKnownCommandsHelpStillExitZero() {
        assertThat(Cli.run("--help").exitCode()).isZero();
        Cli.Result r = Cli.run("validate", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: pulseio validate");
    }

    @Test
    void aStrayArgumentAfterACommandsHelpIsAUsageError() {
        Cli.Result r = Cli.run("nodes", "extra", "--help");

        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err()).contains("Unmatched argument").contains("'extra'");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli.Result r = Cli.run("validate", "--frobnicate", "x.json");

        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void aMissingProjectIsAUsageError() {
        Cli.Result r = Cli.run("run");

        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err()).contains("Missing required parameter: 'PROJECT'").contains("pulseio run --help");
    }

    @Test
    void aProjectFileThatDoesNotExistIsAUsageError() {
        Cli.Result r = Cli.run("validate", "no/such/project.json");

        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err()).contains("Project file not found: no/such/project.json");
    }

    @Test
    void aDurationNeedsAUnit() {
        Cli.Result r = Cli.run("run", Cli.project("hello.json").toString(), "--duration", "10");

        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err()).contains("'10' is not a duration");
    }

    @Test
    void durationsReadMillisecondsSecondsMinutesAndHours() {
        assertThat(Durations.parse("500ms").toMillis()).isEqualTo(500);
        assertThat(Durations.parse("10s").toMillis()).isEqualTo(10_000);
        assertThat(Durations.parse("1.5s").toMillis()).isEqualTo(1_500);
        assertThat(Durations.parse("2m").toMillis()).isEqualTo(120_000);
        assertThat(Durations.parse("1h").toMillis()).isEqualTo(3_600_000);
    }

    @Test
    void serveBehavioursExcludeEachOther() {
        Cli.Result r = Cli.run("serve", "--echo", "--relay");

        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err()).contains("mutually exclusive");
    }

    @Test
    void conformanceModesAreNamedAsTheSuites() {
        Cli.Result r = Cli.run("serve", "--conformance", "socketio");

        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err()).contains("use engine.io or socket.io");
    }

    @Test
    void emitRejectsArgumentsThatAreNotJson() {
        Cli.Result r = Cli.run("emit", "http://localhost:1", "e", "{oops", "--json");

        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err()).contains("Argument 1 is not valid JSON");
    }

    @Test
    void emitRejectsAUrlItCannotUse() {
        Cli.Result r = Cli.run("emit", "ftp://localhost:1", "e");

        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err()).contains("url must start with http://");
    }

    @Test
    void emitRefusesAReservedEventNameBeforeConnecting() {
        // port 1: nothing listens there, so an attempt to connect would end in 69, not 64
        Cli.Result r = Cli.run("emit", "http://127.0.0.1:1", "connect");

        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err()).contains("\"connect\" is a reserved event name");
    }

    @Test
    void aHeaderMustBeKEqualsVWithATokenAsItsName() {
        Cli.Result spaced = Cli.run("emit", "http://127.0.0.1:1", "e", "-H", "X B=2");
        assertThat(spaced.exitCode()).isEqualTo(64);
        assertThat(spaced.err()).contains("header name 'X B' is not an HTTP token");
        Cli.Result colon = Cli.run("emit", "http://127.0.0.1:1", "e", "-H", "X-B: 2");
        assertThat(colon.exitCode()).isEqualTo(64);
        assertThat(colon.err()).contains("KEY=VALUE");
    }

    @Test
    void aUrlsPasswordAndQueryValuesAreNotRepeatedInMessages() {
        Cli.Result userInfo = Cli.run("emit", "http://ann:pw@127.0.0.1:1/?token=s3cr3t", "x");
        assertThat(userInfo.exitCode()).isEqualTo(64);
        assertThat(userInfo.err())
                .contains("http://ann:***@127.0.0.1:1/?token=***")
                .doesNotContain("s3cr3t");
        Cli.Result unreachable = Cli.run("emit", "http://127.0.0.1:1/chat?token=s3cr3t", "x", "--timeout", "1s");
        assertThat(unreachable.exitCode()).isEqualTo(69);
        assertThat(unreachable.err()).contains("token=***").doesNotContain("s3cr3t");
    }

    @Test
    void everyCommandHasExamples() {
        for (String command : new String[] {"run", "validate", "nodes", "plugins", "emit", "listen", "serve"}) {
            Cli.Result r = Cli.run(command, "--help");

            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out())
                    .as(command)
                    .contains("Usage: pulseio " + command)
                    .contains("Examples (");
        }
    }

    @Test
    void versionNamesTheRelease() {
        Cli.Result r = Cli.run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("pulseio ").doesNotContain("unknown");
    }

    @Test
    void anUnexpectedFailureIsOneLineAndExit70() {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Boom());
        cmd.setExecutionExceptionHandler(new Errors.Failure());
        cmd.setErr(new PrintWriter(err, true));

        int code = cmd.execute();

        assertThat(code).isEqualTo(70);
        assertThat(err.toString().lines()).first().isEqualTo("pulseio: internal error: IllegalStateException: kaput");
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("kaput");
        }
    }
}
