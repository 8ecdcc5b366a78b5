package io.pulseio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.AckTimeoutException;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.Socket;
import io.pulseio.protocol.Json;
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
@Command(
        name = "emit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Connects to a Socket.IO server, emits one event and disconnects: the Socket.IO " + "counterpart of wscat.",
            "Arguments are sent as strings, or parsed as JSON with --json. With --ack, waits for the "
                    + "acknowledgement and prints its arguments on stdout as one JSON array.",
            "With --retries N the emit is delivered at least once: it asks for an ack, waits --timeout "
                    + "for it, and is sent again up to N times (the server may see it more than once)."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   emitted (and acknowledged, with --ack or --retries)",
            "  64  usage error (bad URL, bad JSON, ...)",
            "  69  the server is unreachable, refused the namespace, or sent no ack in time",
            "",
            "Examples (from the repository root):",
            "  # with 'pulseio serve --echo' on port 3000, and with TLS on 8443",
            "  # ('pulseio serve --help' shows how):",
            "  pulseio emit http://localhost:3000 chat 'hello there'",
            "  pulseio emit http://localhost:3000/admin ping --ack",
            "  pulseio emit http://localhost:3000 order 7 --retries 3 --timeout 2s",
            "  pulseio emit https://localhost:8443 order '{\"id\":7}' 3 --json --ack \\",
            "      --timeout 5s --ca examples/tls/localhost-cert.pem",
            "  pulseio emit ws://localhost:3000 hi --transport websocket \\",
            "      --auth '{\"token\":\"abc\"}'"
        })
final class EmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "URL",
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

    @Option(
            names = "--retries",
            paramLabel = "N",
            description = "Resend the event up to N times while no ack comes within --timeout (at-least-once "
                    + "delivery; the command then waits for the ack, and --ack prints it). Default: 0.")
    int retries;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws InterruptedException {
        Object[] values = values();
        if (event.isEmpty() || Socket.RESERVED_EVENTS.contains(event)) {
            // refused before connecting: the server never sees a connection for it
            throw new ParameterException(
                    spec.commandLine(),
                    event.isEmpty() ? "event name must not be empty" : "\"" + event + "\" is a reserved event name");
        }
        if (retries < 0) {
            throw new ParameterException(spec.commandLine(), "--retries must be 0 or more, was " + retries);
        }
        ConnectionOptions.Target target = connection.target(spec.commandLine(), url);
        ClientOptions options = connection.clientOptions(spec.commandLine(), target.url(), false);
        if (retries > 0) {
            options = options.toBuilder()
                    .retries(retries)
                    .ackTimeout(connection.timeout)
                    .build();
        }
        try (Connection c = Connection.create(options, target.namespace())) {
            c.connect(connection.timeout);
            Socket socket = c.socket();
            if (retries > 0) {
                // each try waits --timeout for the ack (the options' ackTimeout), then the client resends
                List<JsonNode> answer = awaitAck(c, send(() -> socket.emitWithAck(event, values)), retries + 1);
                if (ack) {
                    print(answer);
                }
            } else if (ack) {
                print(awaitAck(c, send(() -> socket.emitWithAck(connection.timeout, event, values)), 1));
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
                values[i] = Json.MAPPER.readTree(arg);
            } catch (JsonProcessingException e) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Argument " + (i + 1) + " is not valid JSON (" + e.getOriginalMessage() + "): " + arg);
            }
            if (values[i] == null || ((JsonNode) values[i]).isMissingNode()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Argument " + (i + 1) + " is empty: " + "with --json, write \"\" for an empty string");
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

    /** Waits for the ack of an emit sent up to {@code tries} times, each try waiting --timeout. */
    private List<JsonNode> awaitAck(Connection c, CompletableFuture<List<JsonNode>> reply, int tries)
            throws InterruptedException {
        String within = " within " + Durations.format(connection.timeout) + (tries > 1 ? " (" + tries + " tries)" : "");
        try {
            return reply.get(connection.timeout.toMillis() * tries + 2_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AckTimeoutException || cause instanceof TimeoutException) {
                throw CliException.unavailable("no ack for '" + event + "' from " + c.where() + within);
            }
            throw CliException.unavailable("no ack for '" + event + "' from " + c.where() + ": " + cause.getMessage());
        } catch (TimeoutException e) {
            throw CliException.unavailable("no ack for '" + event + "' from " + c.where() + within);
        }
    }

    private void print(List<JsonNode> answer) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(SafeJson.write(Json.MAPPER.valueToTree(answer)));
        out.flush();
    }
}
