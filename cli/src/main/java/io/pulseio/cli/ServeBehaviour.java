package io.pulseio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.server.Ack;
import io.pulseio.server.Namespace;
import io.pulseio.server.ServerSocket;
import io.pulseio.server.SocketIoServer;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What {@code pulseio serve} does with the events it receives. Text a client chose (its namespace, events
 * and arguments) is printed with {@link SafeJson}'s escapes, as {@code listen} prints a server's.
 */
enum ServeBehaviour {
    /** Print each event on stdout. */
    LOG,
    /** Send each event back to its sender, or answer its ack with the same arguments. */
    ECHO,
    /** Re-broadcast each event to the namespace's other clients; answer its ack, empty. */
    RELAY;

    /** The three flags, at most one of which may be given. */
    static final class Choice {
        @Option(names = "--log", required = true, description = "Print each received event on stdout (the default).")
        boolean log;

        @Option(names = "--echo", required = true, description = "Send each event back to its sender.")
        boolean echo;

        @Option(names = "--relay", required = true, description = "Re-broadcast each event to the other clients.")
        boolean relay;

        ServeBehaviour chosen() {
            return echo ? ECHO : relay ? RELAY : LOG;
        }
    }

    /** Accepts every namespace and applies {@code behaviour} to each socket; returns the server. */
    static SocketIoServer attach(SocketIoServer server, ServeBehaviour behaviour, PrintWriter out, PrintWriter err) {
        for (Namespace ns : List.of(server.sockets(), server.namespaces(name -> true))) {
            ns.onConnection(socket -> {
                report(
                        err,
                        "connect " + socket.id() + " "
                                + SafeJson.inline(socket.namespace().name()) + " from "
                                + socket.handshake().address() + " (" + socket.transport() + ")");
                socket.onDisconnect(reason -> report(
                        err,
                        "disconnect " + socket.id() + " "
                                + SafeJson.inline(socket.namespace().name()) + " (" + reason + ")"));
                socket.onAny((event, args, ack) -> behaviour.handle(socket, event, args, ack, out));
            });
        }
        return server;
    }

    private void handle(ServerSocket socket, String event, List<JsonNode> args, Ack ack, PrintWriter out) {
        switch (this) {
            case LOG -> {
                ObjectNode line = JsonNodeFactory.instance.objectNode();
                line.put("client", socket.id());
                line.put("namespace", socket.namespace().name());
                line.put("event", event);
                line.putArray("args").addAll(args);
                synchronized (out) {
                    out.println(SafeJson.write(line)); // what a client sent cannot drive the terminal
                    out.flush();
                }
                if (ack != null) {
                    ack.send();
                }
            }
            case ECHO -> {
                if (ack != null) {
                    ack.send(args.toArray());
                } else {
                    socket.emit(event, args.toArray());
                }
            }
            case RELAY -> {
                socket.broadcast().emit(event, args.toArray());
                if (ack != null) {
                    ack.send();
                }
            }
        }
    }

    private static void report(PrintWriter err, String message) {
        synchronized (err) {
            err.println("pulseio: " + message);
            err.flush();
        }
    }
}
