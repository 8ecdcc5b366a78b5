package io.pulseio.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Decides whether a socket may connect to a namespace, possibly asynchronously (an auth lookup).
 *
 * <p>Called on the connection's event loop thread, in registration order, the next one only when
 * the previous one completed normally. A refusal is a stage completed exceptionally (or an
 * exception thrown): a {@link ConnectionRefusedException} becomes CONNECT_ERROR with its message and
 * data, any other exception CONNECT_ERROR with the exception's message.
 */
@FunctionalInterface
public interface Middleware {
    CompletionStage<Void> check(ServerSocket socket);

    /** A synchronous middleware: it refuses by throwing. */
    static Middleware sync(Consumer<ServerSocket> check) {
        return socket -> {
            check.accept(socket);
            return CompletableFuture.completedFuture(null);
        };
    }
}
