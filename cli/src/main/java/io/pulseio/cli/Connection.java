package io.pulseio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.ServerText;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One client joined to one namespace, for {@code emit} and {@code listen}. */
final class Connection implements AutoCloseable {
    private final SocketIoClient client;
    private final Socket socket;
    private final String where;
    private final CompletableFuture<Void> joined = new CompletableFuture<>();

    private Connection(ClientOptions options, String namespace) {
        try {
            this.client = SocketIoClient.create(options);
        } catch (IllegalArgumentException e) {
            // e.g. a --ca file the TLS library rejects although it holds a certificate
            throw new CliException(ExitCodes.USAGE, "invalid connection option: " + e.getMessage(), e);
        }
        this.socket = client.socket(namespace);
        this.where = ClientOptions.redacted(options.url()) + " (namespace " + namespace + ")";
        socket.addListener(new SocketListener() {
            @Override
            public void onConnect() {
                joined.complete(null);
            }

            @Override
            public void onConnectError(String message, JsonNode data) {
                // The server's words, escaped and capped: a hostile server does not write to our terminal.
                joined.completeExceptionally(CliException.unavailable("cannot connect to " + where + ": "
                        + ServerText.shown(message)
                        + (data == null || data.isNull() ? "" : " " + ServerText.shown(data.toString()))));
            }
        });
    }

    /** A client for {@code options}; nothing is opened until {@link #connect}. */
    static Connection create(ClientOptions options, String namespace) {
        return new Connection(options, namespace);
    }

    Socket socket() {
        return socket;
    }

    /** The URL and namespace, for messages. */
    String where() {
        return where;
    }

    /**
     * Joins the namespace and waits for the server's answer.
     *
     * @throws CliException (69) when the server cannot be reached, refuses, or does not answer in time
     */
    void connect(Duration timeout) throws InterruptedException {
        socket.connect();
        try {
            joined.get(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof CliException c
                    ? c
                    : CliException.unavailable("cannot connect to " + where + ": " + Errors.describe(e.getCause()));
        } catch (TimeoutException e) {
            throw CliException.unavailable("no answer from " + where + " within " + Durations.format(timeout));
        }
    }

    /** Leaves the namespace and closes the client (which stops its threads). */
    @Override
    public void close() {
        client.close();
    }
}
