package io.pulseio.studio;

import io.pulseio.logic.ProjectLoader;
import io.pulseio.server.ConnectionRefusedException;
import io.pulseio.server.HttpPages;
import io.pulseio.server.Middleware;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import io.pulseio.server.Transport;
import io.pulseio.studio.internal.Guard;
import io.pulseio.studio.internal.LiveChannel;
import io.pulseio.studio.internal.PageFiles;
import io.pulseio.studio.internal.ProjectFile;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;

/**
 * A running studio for one project file: the page over HTTP and the live channel (the Socket.IO
 * namespace {@code /studio}) on one port of pulseio's own server. Both need the start's token; a
 * request from another origin is refused. Thread-safe. Lifecycle: {@link #start} → {@link #close}
 * (which stops a run it started and the server).
 */
public final class Studio implements AutoCloseable {
    private final SocketIoServer server;
    private final LiveChannel channel;
    private final URI url;
    private final int port;

    private Studio(SocketIoServer server, LiveChannel channel, URI url, int port) {
        this.server = server;
        this.channel = channel;
        this.url = url;
        this.port = port;
    }

    /**
     * Opens (or creates) the project file and starts serving.
     *
     * @throws IOException when the project file cannot be read or created
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public static Studio start(StudioOptions options) throws IOException {
        ProjectFile file = ProjectFile.open(options.project());
        ProjectLoader loader = ProjectLoader.builder().build();
        // The port is known only after binding, and the guard needs it: bind first with pages that
        // wait for the guard, which is set before anything can reach them (start() returns first).
        String token = options.token() != null ? options.token() : Guard.newToken();
        GuardHolder holder = new GuardHolder();
        ServerOptions serverOptions = ServerOptions.builder()
                .host(options.host())
                .port(options.port())
                .ioThreads(1)
                .transports(EnumSet.of(Transport.WEBSOCKET, Transport.POLLING))
                .pages(request -> holder.pages.answer(request))
                .build();
        SocketIoServer server = SocketIoServer.create(serverOptions);
        int port;
        try {
            port = server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        Guard guard = new Guard(token, options.host(), port);
        holder.pages = new PageFiles(guard, options.page()::read);
        server.sockets().use(Middleware.sync(socket -> {
            throw new ConnectionRefusedException("the studio's namespace is /studio");
        }));
        server.namespace("/studio").use(Middleware.sync(guard::check));
        LiveChannel channel = new LiveChannel(server.namespace("/studio"), file, loader);
        URI url = URI.create("http://" + options.host() + ":" + port + "/?token=" + token);
        return new Studio(server, channel, url, port);
    }

    private static final class GuardHolder {
        volatile HttpPages pages = request -> HttpPages.Response.text(503, "starting");
    }

    /** The page's address with the token: {@code http://127.0.0.1:7070/?token=…}. */
    public URI url() {
        return url;
    }

    /** The bound port. */
    public int port() {
        return port;
    }

    /** Stops a run the studio started, then the server. Idempotent. */
    @Override
    public void close() {
        channel.close();
        server.close();
    }
}
