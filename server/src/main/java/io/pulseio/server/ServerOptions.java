package io.pulseio.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a server listens and behaves: immutable, built with {@link #builder()}. Defaults follow the
 * Node.js {@code socket.io} 4.x server.
 *
 * <p>The values come in groups, each its own immutable type: the session timers in {@link
 * SessionTimeouts} ({@link #timeouts()}), what a connection may cost in {@link ServerLimits}
 * ({@link #limits()}), the rooms and cluster in the {@link Adapter.Factory} ({@link #adapter()},
 * named by configuration with {@link AdapterSettings}). The accessors and builder methods of each
 * single value (such as {@link #pingTimeout()} or {@link Builder#maxConnections(int)}) are kept as
 * shorthands for the group's.
 */
public final class ServerOptions {
    private final String host;
    private final int port;
    private final String path;
    private final SessionTimeouts timeouts;
    private final ServerLimits limits;
    private final Set<Transport> transports;
    private final boolean allowUpgrades;
    private final List<String> corsOrigins;
    private final boolean corsCredentials;
    private final Path tlsCertificate;
    private final Path tlsPrivateKey;
    private final Duration maxDisconnectionDuration;
    private final boolean recoverySkipsMiddlewares;
    private final int ioThreads;
    private final Adapter.Factory adapter;
    private final HttpPages pages;
    private final boolean cleanupEmptyChildNamespaces;

    private ServerOptions(Builder b, SessionTimeouts timeouts, ServerLimits limits) {
        host = b.host;
        port = b.port;
        path = b.path;
        this.timeouts = timeouts;
        this.limits = limits;
        transports = Set.copyOf(b.transports);
        allowUpgrades = b.allowUpgrades;
        corsOrigins = List.copyOf(b.corsOrigins);
        corsCredentials = b.corsCredentials;
        tlsCertificate = b.tlsCertificate;
        tlsPrivateKey = b.tlsPrivateKey;
        maxDisconnectionDuration = b.maxDisconnectionDuration;
        recoverySkipsMiddlewares = b.recoverySkipsMiddlewares;
        ioThreads = b.ioThreads;
        adapter = b.adapter;
        pages = b.pages;
        cleanupEmptyChildNamespaces = b.cleanupEmptyChildNamespaces;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to derive changed copies. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.path = path;
        b.timeouts = timeouts.toBuilder();
        b.limits = limits.toBuilder();
        b.transports = EnumSet.copyOf(transports);
        b.allowUpgrades = allowUpgrades;
        b.corsOrigins = new ArrayList<>(corsOrigins);
        b.corsCredentials = corsCredentials;
        b.tlsCertificate = tlsCertificate;
        b.tlsPrivateKey = tlsPrivateKey;
        b.maxDisconnectionDuration = maxDisconnectionDuration;
        b.recoverySkipsMiddlewares = recoverySkipsMiddlewares;
        b.ioThreads = ioThreads;
        b.adapter = adapter;
        b.pages = pages;
        b.cleanupEmptyChildNamespaces = cleanupEmptyChildNamespaces;
        return b;
    }

    /** The address to bind; null binds every interface. Default null. */
    public String host() {
        return host;
    }

    /** The TCP port; 0 picks a free one (see {@code start()}). Default 0. */
    public int port() {
        return port;
    }

    /** The request path, with leading and trailing slash. Default {@code /socket.io/}. */
    public String path() {
        return path;
    }

    /** The heartbeat, upgrade and connect timers. */
    public SessionTimeouts timeouts() {
        return timeouts;
    }

    /** The HTTP timeouts, the connection cap and the bounds on received and queued data. */
    public ServerLimits limits() {
        return limits;
    }

    /** The transports offered. Default both. */
    public Set<Transport> transports() {
        return transports;
    }

    /** Whether polling sessions may upgrade to WebSocket. Default true. */
    public boolean allowUpgrades() {
        return allowUpgrades;
    }

    /**
     * Origins allowed by CORS: empty means no CORS headers at all (the default), {@code *} any
     * origin.
     */
    public List<String> corsOrigins() {
        return corsOrigins;
    }

    /** Whether CORS responses allow credentials. Default false. */
    public boolean corsCredentials() {
        return corsCredentials;
    }

    /** PEM certificate chain for TLS, or null for plain TCP. */
    public Path tlsCertificate() {
        return tlsCertificate;
    }

    /** PEM (PKCS#8) private key for TLS, or null. */
    public Path tlsPrivateKey() {
        return tlsPrivateKey;
    }

    /** How long a disconnected socket's state is kept for recovery; null when recovery is off. */
    public Duration maxDisconnectionDuration() {
        return maxDisconnectionDuration;
    }

    /** True when connection state recovery is on. */
    public boolean connectionStateRecovery() {
        return maxDisconnectionDuration != null;
    }

    /** Whether a recovered socket skips the namespace middleware. Default true. */
    public boolean recoverySkipsMiddlewares() {
        return recoverySkipsMiddlewares;
    }

    /**
     * Whether a namespace made by a {@link SocketIoServer#dynamicNamespace dynamic namespace}
     * matcher is removed once its last socket leaves (made again when a client next asks for it).
     * Default true; Node's {@code cleanupEmptyChildNamespaces} defaults to false, which lets every
     * name a client ever asked for be kept for the server's lifetime.
     */
    public boolean cleanupEmptyChildNamespaces() {
        return cleanupEmptyChildNamespaces;
    }

    /** Event loop threads a server makes when it is given none. Default the processor count. */
    public int ioThreads() {
        return ioThreads;
    }

    /**
     * Makes each namespace's {@link Adapter}, which keeps its rooms and delivers its broadcasts
     * (socket.io's {@code adapter} option). Default {@link Adapter#inMemory()}: rooms in this
     * server's memory, broadcasts to this server's sockets. Give another factory to keep rooms
     * elsewhere or to reach the sockets of other servers too.
     */
    public Adapter.Factory adapter() {
        return adapter;
    }

    /**
     * Answers plain HTTP requests for paths outside {@link #path()}; null (the default) answers them
     * 404. See {@link HttpPages}.
     */
    public HttpPages pages() {
        return pages;
    }

    // Shorthands for the groups' values.

    /** {@link SessionTimeouts#pingInterval()}. */
    public Duration pingInterval() {
        return timeouts.pingInterval();
    }

    /** {@link SessionTimeouts#pingTimeout()}. */
    public Duration pingTimeout() {
        return timeouts.pingTimeout();
    }

    /** {@link SessionTimeouts#upgradeTimeout()}. */
    public Duration upgradeTimeout() {
        return timeouts.upgradeTimeout();
    }

    /** {@link SessionTimeouts#connectTimeout()}. */
    public Duration connectTimeout() {
        return timeouts.connectTimeout();
    }

    /** {@link ServerLimits#maxHttpBufferSize()}. */
    public long maxHttpBufferSize() {
        return limits.maxHttpBufferSize();
    }

    /** {@link ServerLimits#maxOutboundBufferSize()}. */
    public long maxOutboundBufferSize() {
        return limits.maxOutboundBufferSize();
    }

    /** {@link ServerLimits#maxAttachments()}. */
    public int maxAttachments() {
        return limits.maxAttachments();
    }

    /** {@link ServerLimits#maxAttachmentBytes()}. */
    public long maxAttachmentBytes() {
        return limits.maxAttachmentBytes();
    }

    /** {@link ServerLimits#attachmentTimeout()}. */
    public Duration attachmentTimeout() {
        return limits.attachmentTimeout();
    }

    /** {@link ServerLimits#maxNamespaceLength()}. */
    public int maxNamespaceLength() {
        return limits.maxNamespaceLength();
    }

    /** {@link ServerLimits#headersTimeout()}. */
    public Duration headersTimeout() {
        return limits.headersTimeout();
    }

    /** {@link ServerLimits#requestTimeout()}. */
    public Duration requestTimeout() {
        return limits.requestTimeout();
    }

    /** {@link ServerLimits#keepAliveTimeout()}. */
    public Duration keepAliveTimeout() {
        return limits.keepAliveTimeout();
    }

    /** {@link ServerLimits#writeTimeout()}. */
    public Duration writeTimeout() {
        return limits.writeTimeout();
    }

    /** {@link ServerLimits#maxConnections()}. */
    public int maxConnections() {
        return limits.maxConnections();
    }

    /** Collects option values; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private String host;
        private int port;
        private String path = "/socket.io/";
        private SessionTimeouts.Builder timeouts = SessionTimeouts.builder();
        private ServerLimits.Builder limits = ServerLimits.builder();
        private EnumSet<Transport> transports = EnumSet.allOf(Transport.class);
        private boolean allowUpgrades = true;
        private List<String> corsOrigins = new ArrayList<>();
        private boolean corsCredentials;
        private Path tlsCertificate;
        private Path tlsPrivateKey;
        private Duration maxDisconnectionDuration;
        private boolean recoverySkipsMiddlewares = true;
        private boolean cleanupEmptyChildNamespaces = true;
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private Adapter.Factory adapter = Adapter.inMemory();
        private HttpPages pages;

        private Builder() {}

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The request path; a missing leading or trailing slash is added. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** Replaces every session timer with these (not null). */
        public Builder timeouts(SessionTimeouts timeouts) {
            this.timeouts = java.util.Objects.requireNonNull(timeouts, "timeouts").toBuilder();
            return this;
        }

        /** Replaces every limit with these (not null). */
        public Builder limits(ServerLimits limits) {
            this.limits = java.util.Objects.requireNonNull(limits, "limits").toBuilder();
            return this;
        }

        public Builder transports(Set<Transport> transports) {
            this.transports = transports == null || transports.isEmpty()
                    ? EnumSet.noneOf(Transport.class)
                    : EnumSet.copyOf(transports);
            return this;
        }

        public Builder allowUpgrades(boolean allow) {
            this.allowUpgrades = allow;
            return this;
        }

        /** Origins allowed by CORS ({@code *} for any); replaces earlier ones. */
        public Builder corsOrigins(String... origins) {
            this.corsOrigins = new ArrayList<>(List.of(origins));
            return this;
        }

        public Builder corsCredentials(boolean credentials) {
            this.corsCredentials = credentials;
            return this;
        }

        /** Serves TLS with a PEM certificate chain and a PEM (PKCS#8) private key. */
        public Builder tls(Path certificate, Path privateKey) {
            this.tlsCertificate = certificate;
            this.tlsPrivateKey = privateKey;
            return this;
        }

        /** Turns connection state recovery on (null turns it off). */
        public Builder connectionStateRecovery(Duration maxDisconnectionDuration) {
            this.maxDisconnectionDuration = maxDisconnectionDuration;
            return this;
        }

        public Builder recoverySkipsMiddlewares(boolean skip) {
            this.recoverySkipsMiddlewares = skip;
            return this;
        }

        /** See {@link ServerOptions#cleanupEmptyChildNamespaces()}. */
        public Builder cleanupEmptyChildNamespaces(boolean cleanup) {
            this.cleanupEmptyChildNamespaces = cleanup;
            return this;
        }

        /** Serves these pages beside Socket.IO (null: none); see {@link HttpPages}. */
        public Builder pages(HttpPages pages) {
            this.pages = pages;
            return this;
        }

        public Builder ioThreads(int threads) {
            this.ioThreads = threads;
            return this;
        }

        /** The factory of each namespace's adapter (see {@link ServerOptions#adapter()}). */
        public Builder adapter(Adapter.Factory factory) {
            this.adapter = factory;
            return this;
        }

        /**
         * A cluster adapter named by its settings, made by the {@link AdapterProvider} that serves its
         * URL's scheme ({@code pulseio-adapter-redis} for {@code redis://}); {@link #build()} fails
         * when no provider is on the class path or module path, or it rejects the settings. The
         * adapter connects when the server makes its first namespace and disconnects when it closes.
         */
        public Builder cluster(AdapterSettings settings) {
            this.adapter = new ProvidedAdapter(java.util.Objects.requireNonNull(settings, "settings"));
            return this;
        }

        // Shorthands for the groups' values.

        /** {@link SessionTimeouts.Builder#pingInterval}. */
        public Builder pingInterval(Duration d) {
            timeouts.pingInterval(d);
            return this;
        }

        /** {@link SessionTimeouts.Builder#pingTimeout}. */
        public Builder pingTimeout(Duration d) {
            timeouts.pingTimeout(d);
            return this;
        }

        /** {@link SessionTimeouts.Builder#upgradeTimeout}. */
        public Builder upgradeTimeout(Duration d) {
            timeouts.upgradeTimeout(d);
            return this;
        }

        /** {@link SessionTimeouts.Builder#connectTimeout}. */
        public Builder connectTimeout(Duration d) {
            timeouts.connectTimeout(d);
            return this;
        }

        /** {@link ServerLimits.Builder#maxHttpBufferSize}. */
        public Builder maxHttpBufferSize(long bytes) {
            limits.maxHttpBufferSize(bytes);
            return this;
        }

        /** {@link ServerLimits.Builder#maxOutboundBufferSize}; 0 turns the limit off. */
        public Builder maxOutboundBufferSize(long bytes) {
            limits.maxOutboundBufferSize(bytes);
            return this;
        }

        /** {@link ServerLimits.Builder#maxAttachments}. */
        public Builder maxAttachments(int max) {
            limits.maxAttachments(max);
            return this;
        }

        /** {@link ServerLimits.Builder#maxAttachmentBytes}. */
        public Builder maxAttachmentBytes(long bytes) {
            limits.maxAttachmentBytes(bytes);
            return this;
        }

        /** {@link ServerLimits.Builder#attachmentTimeout}. */
        public Builder attachmentTimeout(Duration value) {
            limits.attachmentTimeout(value);
            return this;
        }

        /** {@link ServerLimits.Builder#maxNamespaceLength}. */
        public Builder maxNamespaceLength(int chars) {
            limits.maxNamespaceLength(chars);
            return this;
        }

        /** {@link ServerLimits.Builder#headersTimeout}. */
        public Builder headersTimeout(Duration value) {
            limits.headersTimeout(value);
            return this;
        }

        /** {@link ServerLimits.Builder#requestTimeout}. */
        public Builder requestTimeout(Duration value) {
            limits.requestTimeout(value);
            return this;
        }

        /** {@link ServerLimits.Builder#keepAliveTimeout}. */
        public Builder keepAliveTimeout(Duration value) {
            limits.keepAliveTimeout(value);
            return this;
        }

        /** {@link ServerLimits.Builder#writeTimeout}. */
        public Builder writeTimeout(Duration value) {
            limits.writeTimeout(value);
            return this;
        }

        /** {@link ServerLimits.Builder#maxConnections}; 0: no cap. */
        public Builder maxConnections(int value) {
            limits.maxConnections(value);
            return this;
        }

        /**
         * Checks the values and returns the options.
         *
         * @throws IllegalArgumentException naming the first bad value
         */
        public ServerOptions build() {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("path must not be blank");
            }
            if (path.contains("?") || path.contains("#")) {
                throw new IllegalArgumentException("path must not contain '?' or '#', was " + path);
            }
            String p = path.startsWith("/") ? path : "/" + path;
            path = p.endsWith("/") ? p : p + "/";
            SessionTimeouts builtTimeouts = timeouts.build();
            ServerLimits builtLimits = limits.build();
            if (transports.isEmpty()) {
                throw new IllegalArgumentException("transports must not be empty");
            }
            for (String origin : corsOrigins) {
                if (origin == null || origin.isBlank()) {
                    throw new IllegalArgumentException("corsOrigins must not hold a blank origin");
                }
            }
            if ((tlsCertificate == null) != (tlsPrivateKey == null)) {
                throw new IllegalArgumentException("tls needs both a certificate and a private key");
            }
            if (maxDisconnectionDuration != null) {
                Checks.positive("maxDisconnectionDuration", maxDisconnectionDuration);
            }
            if (ioThreads < 1) {
                throw new IllegalArgumentException("ioThreads must be >= 1, was " + ioThreads);
            }
            if (adapter == null) {
                throw new IllegalArgumentException("adapter must not be null");
            }
            if (adapter instanceof ProvidedAdapter provided) {
                provided.check();
            }
            return new ServerOptions(this, builtTimeouts, builtLimits);
        }
    }
}
