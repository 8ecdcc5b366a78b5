package io.pulseio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.DisconnectReason;
import io.pulseio.client.SocketListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pulseio listen URL [EVENT...]}: events of one namespace as JSON lines. */
@Command(
        name = "listen",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Connects to a Socket.IO server and prints the events of one namespace as they arrive, "
                    + "one JSON object a line: {\"namespace\":\"/\",\"event\":\"chat\",\"args\":[...]}.",
            "Binary arguments are printed as base64 strings. Runs until --count events were printed, "
                    + "the --duration elapsed, or Ctrl-C; reconnects by itself if the connection drops.",
            "Connection changes are reported on stderr."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   done (count reached or duration elapsed)",
            "  64  usage error",
            "  69  the server is unreachable or refused the namespace, or disconnected us",
            "  130 stopped with Ctrl-C (143 on SIGTERM)",
            "",
            "Examples (from the repository root):",
            "  # with 'pulseio serve' on port 3000, and with TLS on 8443",
            "  # ('pulseio serve --help' shows how):",
            "  pulseio listen http://localhost:3000",
            "  pulseio listen http://localhost:3000/chat message typing --count 10",
            "  pulseio listen https://localhost:8443 --namespace /admin --duration 1m \\",
            "      --ca examples/tls/localhost-cert.pem",
            "  pulseio listen http://localhost:3000 | jq -r '.args[0]'"
        })
final class ListenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "URL",
            description = "The server: http(s)://host:port or ws(s)://host:port, optionally with a namespace path.")
    String url;

    @Parameters(index = "1..*", paramLabel = "EVENT", description = "Print only these events (default: all).")
    List<String> events = new ArrayList<>();

    @Option(names = "--count", paramLabel = "N", description = "Stop after N events.")
    Integer count;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after this long: 500ms, 10s, 2m, 1h.")
    Duration duration;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws InterruptedException {
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, was " + count);
        }
        ConnectionOptions.Target target = connection.target(spec.commandLine(), url);
        ClientOptions options = connection.clientOptions(spec.commandLine(), target.url(), true);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(ExitCodes.OK);
        AtomicInteger printed = new AtomicInteger();
        AtomicBoolean joinedOnce = new AtomicBoolean();
        try (Connection c = Connection.create(options, target.namespace());
                Shutdown ctrlC = Shutdown.onSignal(() -> {
                    done.countDown();
                    c.close();
                    out.flush();
                })) {
            c.socket().onAny((event, args, ack) -> {
                if (!events.isEmpty() && !events.contains(event)) {
                    return;
                }
                int n = printed.incrementAndGet();
                if (count != null && n > count) {
                    return;
                }
                out.println(line(target.namespace(), event, args));
                out.flush();
                if (count != null && n == count) {
                    done.countDown();
                }
            });
            c.socket().addListener(new SocketListener() {
                @Override
                public void onConnect() {
                    if (!joinedOnce.compareAndSet(false, true)) {
                        report(err, "reconnected to " + c.where());
                    }
                }

                @Override
                public void onDisconnect(DisconnectReason reason) {
                    if (reason.reconnects()) {
                        report(err, "disconnected (" + reason + "); reconnecting");
                    } else if (reason == DisconnectReason.IO_SERVER_DISCONNECT) {
                        report(err, "the server disconnected us (" + reason + ")");
                        exitCode.set(ExitCodes.UNAVAILABLE);
                        done.countDown();
                    }
                }
            });
            c.connect(connection.timeout);
            report(err, "listening to " + c.where() + (events.isEmpty() ? "" : " for " + String.join(", ", events)));
            if (duration == null) {
                done.await();
            } else {
                done.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            return ExitCodes.OK;
        }
        return exitCode.get();
    }

    /** {@code {"namespace":"/","event":"chat","args":[...]}}. */
    static String line(String namespace, String event, List<JsonNode> args) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("namespace", namespace);
        o.put("event", event);
        o.putArray("args").addAll(args);
        return SafeJson.write(o);
    }

    private static void report(PrintWriter err, String message) {
        err.println("pulseio: " + message);
        err.flush();
    }
}
