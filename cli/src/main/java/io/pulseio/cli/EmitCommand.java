package io.pulseio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulseio.client.AckTimeoutException;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.Socket;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pulseio emit URL EVENT [ARGS...]}: one event to a Socket.IO server, optionally waiting for its ack. */
@Command(name = "emit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Connects to a Socket.IO server, emits one event and disconnects: the Socket.IO "
                + "counterpart of wscat.",
                "Arguments are sent as strings, or parsed as JSON with --json. With --ack, waits for the "
                        + "acknowledgement and prints its arguments on stdout as one JSON array."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0   emitted (and acknowledged, with --ack)", "  64  usage error (bad URL, bad JSON, ...)",
                "  69  the server is unreachable, refused the namespace, or sent no ack in time", "",
                "Examples (from the repository root):",
                "  # with 'pulseio serve --echo' on port 3000, and with TLS on 8443",
                "  # ('pulseio serve --help' shows how):",
                "  pulseio emit http://localhost:3000 chat 'hello there'",
                "  pulseio emit http://localhost:3000/admin ping --ack",
                "  pulseio emit https://localhost:8443 order '{\"id\":7}' 3 --json --ack \\",
                "      --timeout 5s --ca examples/tls/localhost-cert.pem",
                "  pulseio emit ws://localhost:3000 hi --transport websocket \\",
                "      --auth '{\"token\":\"abc\"}'"})
final class EmitCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL",
            description = "The server: http(s)://host:port or ws(s)://host:port, optionally with a namespace path.")
    String url;

    @Parameters(index = "1", paramLabel = "EVENT", description = "The event name.")
    String event;

    @Parameters(index = "2..*", paramLabel = "ARGS", description = "The event's arguments.")
    List<String> args = new ArrayList<>();

    @Option(names = "--ack", description = "Ask for an acknowledgement and print it as a JSON array.")
    boolean ack;

    @Option(names = "--json", description = "Parse each argument as JSON (numbers, objects, true, null...).")
    boolean json;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws InterruptedException {
        Object[] values = values();
        ConnectionOptions.Target target = connection.target(spec.commandLine(), url);
        ClientOptions options = connection.clientOptions(spec.commandLine(), target.url(), false);
        try (Connection c = Connection.create(options, target.namespace())) {
            c.connect(connection.timeout);
            Socket socket = c.socket();
            if (ack) {
                printAck(c, send(() -> socket.emitWithAck(connection.timeout, event, values)));
            } else {
                send(() -> {
                    socket.emit(event, values);
                    return null;
                });
                // The client sends what was emitted before the DISCONNECT: no pause needed.
                socket.disconnect();
            }
        }
        return ExitCodes.OK;
    }

    private Object[] values() {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            String arg = args.get(i);
            if (!json) {
                values[i] = arg;
                continue;
            }
            try {
                values[i] = JSON.readTree(arg);
            } catch (JsonProcessingException e) {
                throw new ParameterException(spec.commandLine(), "Argument " + (i + 1) + " is not valid JSON ("
                        + e.getOriginalMessage() + "): " + arg);
            }
            if (values[i] == null || ((JsonNode) values[i]).isMissingNode()) {
                throw new ParameterException(spec.commandLine(), "Argument " + (i + 1) + " is empty: "
                        + "with --json, write \"\" for an empty string");
            }
        }
        return values;
    }

    /** Runs an emit; a name or argument the client rejects is a usage error. */
    private <T> T send(java.util.function.Supplier<T> emit) {
        try {
            return emit.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void printAck(Connection c, CompletableFuture<List<JsonNode>> reply) throws InterruptedException {
        List<JsonNode> answer;
        try {
            answer = reply.get(connection.timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AckTimeoutException || cause instanceof TimeoutException) {
                throw CliException.unavailable("no ack for '" + event + "' from " + c.where() + " within "
                        + Durations.format(connection.timeout));
            }
            throw CliException.unavailable("no ack for '" + event + "' from " + c.where() + ": " + cause.getMessage());
        } catch (TimeoutException e) {
            throw CliException.unavailable("no ack for '" + event + "' from " + c.where() + " within "
                    + Durations.format(connection.timeout));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(SafeJson.write(JSON.valueToTree(answer)));
        out.flush();
    }
}
