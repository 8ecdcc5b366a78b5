package io.pulseio.cli;

import io.pulseio.studio.PageUnavailableException;
import io.pulseio.studio.Studio;
import io.pulseio.studio.StudioOptions;
import io.pulseio.studio.StudioPage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pulseio edit PROJECT [--port N] [--host H]}: the studio for one project file. */
@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        description = {
            "Serves pulseio studio, the browser editor, for PROJECT (created when it does not exist), "
                    + "and prints its address with this start's token as the first line of stdout. Opens nothing; "
                    + "runs until Ctrl-C.",
            "The page is built once from studio/page with Node.js and npm when this build has none."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  130 stopped with Ctrl-C (143 on SIGTERM)",
            "  64  bad options, or the file cannot be read or created",
            "  69  the port cannot be bound, or the page cannot be built (the message says what to install)",
            "",
            "Examples (from the repository root):",
            "  pulseio edit examples/hello/project.json",
            "  pulseio edit new.json --port 7171"
        })
final class EditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (JSON).")
    Path project;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "7070",
            description = "Port (default: 7070; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "H",
            defaultValue = "127.0.0.1",
            description = "Address to bind (default: 127.0.0.1; another address exposes the studio to that network).")
    String host;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            // the studio refuses a request whose Host is not the address it listens on
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--host " + host + " would listen on every address, but the studio answers only requests "
                            + "made to the address it listens on: give one of this machine's addresses");
        }
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "port must be 0-65535, was " + port);
        }
        StudioPage page;
        try {
            page = StudioPage.find(line -> {
                err.println("pulseio: " + line);
                err.flush();
            });
        } catch (PageUnavailableException e) {
            throw CliException.unavailable(e.getMessage());
        }
        Studio studio;
        try {
            studio = Studio.start(new StudioOptions(project, host, port, page, null));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (UncheckedIOException e) {
            throw CliException.unavailable(e.getMessage());
        } catch (IOException e) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "Cannot open or create " + project + ": " + Errors.describe(e));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (Shutdown ctrlC = Shutdown.onSignal(() -> {
            studio.close();
            stopped.countDown();
        })) {
            out.println(studio.url());
            out.flush();
            err.println("pulseio: studio for " + project + " (page from " + page.where() + "); Ctrl-C stops");
            err.flush();
            stopped.await();
        } catch (InterruptedException e) {
            // stopped from within the JVM (tests, embedding): same as Ctrl-C
        } finally {
            studio.close();
        }
        return ExitCodes.OK;
    }
}
