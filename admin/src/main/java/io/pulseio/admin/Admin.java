package io.pulseio.admin;

import io.pulseio.admin.internal.Instrument;
import io.pulseio.admin.internal.Settings;
import io.pulseio.server.SocketIoServer;

/**
 * The official Socket.IO Admin UI's view of a pulseio server. {@link #instrument} adds the admin
 * namespace (by default {@code /admin}) that the UI's page ({@code @socket.io/admin-ui}'s
 * {@code ui/dist}, or its hosted copy) connects to: the server's configuration, its sockets and
 * rooms as they change, the events it receives and sends, statistics every 2 seconds, and the
 * UI's commands (emit, join, leave, disconnect) unless read-only.
 *
 * <p>Instrument a server before it starts, or at least before clients connect, so that the UI
 * knows every socket. The UI's page is served by another origin: allow it by CORS
 * ({@code ServerOptions.Builder.corsOrigins}). Thread-safe.
 */
public final class Admin implements AutoCloseable {
    private final Instrument instrument;

    private Admin(Instrument instrument) {
        this.instrument = instrument;
    }

    /**
     * Adds the admin namespace to {@code server} and starts sending statistics to the UI's sockets
     * every 2 seconds (from a daemon thread {@code pulseio-admin}). Instrument a server once per
     * admin namespace.
     */
    public static Admin instrument(SocketIoServer server, AdminOptions options) {
        Settings settings = new Settings(
                options.namespace(),
                options.username(),
                options.password(),
                options.readOnly(),
                options.mode() == AdminOptions.Mode.DEVELOPMENT,
                options.serverId());
        return new Admin(Instrument.start(server, settings));
    }

    /**
     * Stops the statistics and the watching, disconnects the UI's sockets and refuses new ones (the
     * namespace itself stays). Idempotent. Does not close the server.
     */
    @Override
    public void close() {
        instrument.close();
    }
}
