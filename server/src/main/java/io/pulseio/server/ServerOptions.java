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
 */
public final class ServerOptions {
  private final String host;
  private final int port;
  private final String path;
  private final Duration pingInterval;
  private final Duration pingTimeout;
  private final Duration upgradeTimeout;
  private final Duration connectTimeout;
  private final long maxHttpBufferSize;
  private final long maxOutboundBufferSize;
  private final Set<Transport> transports;
  private final boolean allowUpgrades;
  private final List<String> corsOrigins;
  private final boolean corsCredentials;
  private final Path tlsCertificate;
  private final Path tlsPrivateKey;
  private final Duration maxDisconnectionDuration;
  private final boolean recoverySkipsMiddlewares;
  private final int maxAttachments;
  private final int ioThreads;
  private final Adapter.Factory adapter;
  private final HttpPages pages;
  private final Duration headersTimeout;
  private final Duration requestTimeout;
  private final Duration keepAliveTimeout;
  private final Duration writeTimeout;
  private final int maxConnections;
  private final long maxAttachmentBytes;
  private final Duration attachmentTimeout;
  private final boolean cleanupEmptyChildNamespaces;
  private final int maxNamespaceLength;

  private ServerOptions(Builder b) {
    host = b.host;
    port = b.port;
    path = b.path;
    pingInterval = b.pingInterval;
    pingTimeout = b.pingTimeout;
    upgradeTimeout = b.upgradeTimeout;
    connectTimeout = b.connectTimeout;
    maxHttpBufferSize = b.maxHttpBufferSize;
    maxOutboundBufferSize = b.maxOutboundBufferSize;
    transports = Set.copyOf(b.transports);
    allowUpgrades = b.allowUpgrades;
    corsOrigins = List.copyOf(b.corsOrigins);
    corsCredentials = b.corsCredentials;
    tlsCertificate = b.tlsCertificate;
    tlsPrivateKey = b.tlsPrivateKey;
    maxDisconnectionDuration = b.maxDisconnectionDuration;
    recoverySkipsMiddlewares = b.recoverySkipsMiddlewares;
    maxAttachments = b.maxAttachments;
    ioThreads = b.ioThreads;
    adapter = b.adapter;
    pages = b.pages;
    headersTimeout = b.headersTimeout;
    requestTimeout = b.requestTimeout;
    keepAliveTimeout = b.keepAliveTimeout;
    writeTimeout = b.writeTimeout;
    maxConnections = b.maxConnections;
    maxAttachmentBytes = b.maxAttachmentBytes;
    attachmentTimeout = b.attachmentTimeout;
    cleanupEmptyChildNamespaces = b.cleanupEmptyChildNamespaces;
    maxNamespaceLength = b.maxNamespaceLength;
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
    b.pingInterval = pingInterval;
    b.pingTimeout = pingTimeout;
    b.upgradeTimeout = upgradeTimeout;
    b.connectTimeout = connectTimeout;
    b.maxHttpBufferSize = maxHttpBufferSize;
    b.maxOutboundBufferSize = maxOutboundBufferSize;
    b.transports = EnumSet.copyOf(transports);
    b.allowUpgrades = allowUpgrades;
    b.corsOrigins = new ArrayList<>(corsOrigins);
    b.corsCredentials = corsCredentials;
    b.tlsCertificate = tlsCertificate;
    b.tlsPrivateKey = tlsPrivateKey;
    b.maxDisconnectionDuration = maxDisconnectionDuration;
    b.recoverySkipsMiddlewares = recoverySkipsMiddlewares;
    b.maxAttachments = maxAttachments;
    b.ioThreads = ioThreads;
    b.adapter = adapter;
    b.pages = pages;
    b.headersTimeout = headersTimeout;
    b.requestTimeout = requestTimeout;
    b.keepAliveTimeout = keepAliveTimeout;
    b.writeTimeout = writeTimeout;
    b.maxConnections = maxConnections;
    b.maxAttachmentBytes = maxAttachmentBytes;
    b.attachmentTimeout = attachmentTimeout;
    b.cleanupEmptyChildNamespaces = cleanupEmptyChildNamespaces;
    b.maxNamespaceLength = maxNamespaceLength;
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

  /** Time between the server's pings. Default 25 s. */
  public Duration pingInterval() {
    return pingInterval;
  }

  /** Time the server waits for a pong before closing. Default 20 s. */
  public Duration pingTimeout() {
    return pingTimeout;
  }

  /** Time a started upgrade may take before it is cancelled. Default 10 s. */
  public Duration upgradeTimeout() {
    return upgradeTimeout;
  }

  /** Time a client has to connect to a namespace before it is dropped. Default 45 s. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * The largest HTTP body and WebSocket message accepted, in bytes; announced as
   * {@code maxPayload}. Default 1 000 000.
   */
  public long maxHttpBufferSize() {
    return maxHttpBufferSize;
  }

  /**
   * The most bytes the server holds for one client connection that it has not been able to send
   * yet, every write counted (Engine.IO packets queued for a poll or a WebSocket, HTTP responses,
   * WebSocket control frames); 0 means no limit. Default 16 MiB (16 777 216). Over it, the server
   * drops the queue, closes that connection at once (its sockets disconnect with {@link
   * DisconnectReason#TRANSPORT_ERROR transport error}) and logs a warning naming the session and
   * the limit. Volatile emits never count. Not counted: the operating system's socket buffers.
   * Node's socket.io has no such bound; docs/server.md explains the default.
   */
  public long maxOutboundBufferSize() {
    return maxOutboundBufferSize;
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
   * The most binary attachments one packet may announce; a packet announcing more closes the
   * connection ({@code parse error}). Default 10, as the Node.js server's parser.
   */
  public int maxAttachments() {
    return maxAttachments;
  }

  /**
   * The most bytes of binary attachments a connection may have received for a packet that still
   * waits for more of them; going over closes the connection ({@code parse error}) with a
   * warning. Default 10 000 000 (Node's bound is implicit: 10 attachments of at most
   * {@code maxHttpBufferSize} each).
   */
  public long maxAttachmentBytes() {
    return maxAttachmentBytes;
  }

  /**
   * How long a binary packet may wait for its attachments after its text arrived; past it the
   * connection is closed ({@code parse error}) with a warning. Default 30 s (Node has none).
   */
  public Duration attachmentTimeout() {
    return attachmentTimeout;
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

  /**
   * The longest namespace name (in characters, with its leading slash) a CONNECT may ask for; a
   * longer one is answered with CONNECT_ERROR {@code "Invalid namespace"} without the name being
   * looked up or kept. Default 256 (Node has no bound but {@code maxHttpBufferSize}).
   */
  public int maxNamespaceLength() {
    return maxNamespaceLength;
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

  /**
   * How long a client may take to send a request's headers, from the connection's start or
   * the request's first byte; then the server answers 408 and closes the connection. Default 60 s
   * (Node's {@code server.headersTimeout}).
   */
  public Duration headersTimeout() {
    return headersTimeout;
  }

  /**
   * How long a client may take to send a whole request, headers and body; then 408 and the
   * connection is closed. Default 300 s (Node's {@code server.requestTimeout}).
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * How long a kept-alive HTTP connection may stay idle after a response before it is closed.
   * Default 5 s (Node's {@code server.keepAliveTimeout}).
   */
  public Duration keepAliveTimeout() {
    return keepAliveTimeout;
  }

  /**
   * How long a connection may stay unable to take more output (its client reads nothing while
   * the server has more than 64 KiB for it) before it is closed; while so, nothing more is read from
   * it. Default 30 s (Node has no such timeout: it only stops reading).
   */
  public Duration writeTimeout() {
    return writeTimeout;
  }

  /**
   * The most TCP connections open at once; further ones are closed at once, with a warning
   * logged. 0 means no cap. Default 0 (Node's {@code server.maxConnections}: unlimited).
   */
  public int maxConnections() {
    return maxConnections;
  }

  /** Collects option values; {@link #build()} checks them. */
  public static final class Builder {
    private String host;
    private int port;
    private String path = "/socket.io/";
    private Duration pingInterval = Duration.ofSeconds(25);
    private Duration pingTimeout = Duration.ofSeconds(20);
    private Duration upgradeTimeout = Duration.ofSeconds(10);
    private Duration connectTimeout = Duration.ofSeconds(45);
    private long maxHttpBufferSize = 1_000_000;
    private long maxOutboundBufferSize = 16L * 1024 * 1024;
    private EnumSet<Transport> transports = EnumSet.allOf(Transport.class);
    private boolean allowUpgrades = true;
    private List<String> corsOrigins = new ArrayList<>();
    private boolean corsCredentials;
    private Path tlsCertificate;
    private Path tlsPrivateKey;
    private Duration maxDisconnectionDuration;
    private boolean recoverySkipsMiddlewares = true;
    private int maxAttachments = 10;
    private long maxAttachmentBytes = 10_000_000;
    private Duration attachmentTimeout = Duration.ofSeconds(30);
    private boolean cleanupEmptyChildNamespaces = true;
    private int maxNamespaceLength = 256;
    private int ioThreads = Runtime.getRuntime().availableProcessors();
    private Adapter.Factory adapter = Adapter.inMemory();
    private HttpPages pages;
    private Duration headersTimeout = Duration.ofSeconds(60);
    private Duration requestTimeout = Duration.ofSeconds(300);
    private Duration keepAliveTimeout = Duration.ofSeconds(5);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private int maxConnections = 0;

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

    public Builder pingInterval(Duration d) {
      this.pingInterval = d;
      return this;
    }

    public Builder pingTimeout(Duration d) {
      this.pingTimeout = d;
      return this;
    }

    public Builder upgradeTimeout(Duration d) {
      this.upgradeTimeout = d;
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = d;
      return this;
    }

    public Builder maxHttpBufferSize(long bytes) {
      this.maxHttpBufferSize = bytes;
      return this;
    }

    /** See {@link ServerOptions#maxOutboundBufferSize()}; 0 turns the limit off. */
    public Builder maxOutboundBufferSize(long bytes) {
      this.maxOutboundBufferSize = bytes;
      return this;
    }

    public Builder transports(Set<Transport> transports) {
      this.transports = transports == null || transports.isEmpty()
          ? EnumSet.noneOf(Transport.class) : EnumSet.copyOf(transports);
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

    public Builder maxAttachments(int max) {
      this.maxAttachments = max;
      return this;
    }

    /** See {@link ServerOptions#maxAttachmentBytes()}. */
    public Builder maxAttachmentBytes(long bytes) {
      this.maxAttachmentBytes = bytes;
      return this;
    }

    /** See {@link ServerOptions#attachmentTimeout()}. */
    public Builder attachmentTimeout(Duration value) {
      this.attachmentTimeout = value;
      return this;
    }

    /** See {@link ServerOptions#cleanupEmptyChildNamespaces()}. */
    public Builder cleanupEmptyChildNamespaces(boolean cleanup) {
      this.cleanupEmptyChildNamespaces = cleanup;
      return this;
    }

    /** See {@link ServerOptions#maxNamespaceLength()}. */
    public Builder maxNamespaceLength(int chars) {
      this.maxNamespaceLength = chars;
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

    /** See {@link ServerOptions#headersTimeout()}. */
    public Builder headersTimeout(Duration value) {
      this.headersTimeout = value;
      return this;
    }

    /** See {@link ServerOptions#requestTimeout()}. */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = value;
      return this;
    }

    /** See {@link ServerOptions#keepAliveTimeout()}. */
    public Builder keepAliveTimeout(Duration value) {
      this.keepAliveTimeout = value;
      return this;
    }

    /** See {@link ServerOptions#writeTimeout()}. */
    public Builder writeTimeout(Duration value) {
      this.writeTimeout = value;
      return this;
    }

    /** See {@link ServerOptions#maxConnections()}. */
    public Builder maxConnections(int value) {
      this.maxConnections = value;
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
      positive("pingInterval", pingInterval);
      positive("pingTimeout", pingTimeout);
      positive("upgradeTimeout", upgradeTimeout);
      positive("connectTimeout", connectTimeout);
      if (maxHttpBufferSize < 1 || maxHttpBufferSize > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "maxHttpBufferSize must be between 1 and 2147483647, was " + maxHttpBufferSize);
      }
      if (maxOutboundBufferSize < 0) {
        throw new IllegalArgumentException(
            "maxOutboundBufferSize must be >= 0 (0: no limit), was " + maxOutboundBufferSize);
      }
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
        positive("maxDisconnectionDuration", maxDisconnectionDuration);
      }
      if (maxAttachments < 0) {
        throw new IllegalArgumentException("maxAttachments must be >= 0, was " + maxAttachments);
      }
      if (maxAttachmentBytes < 1) {
        throw new IllegalArgumentException(
            "maxAttachmentBytes must be >= 1, was " + maxAttachmentBytes);
      }
      positive("attachmentTimeout", attachmentTimeout);
      if (maxNamespaceLength < 1) {
        throw new IllegalArgumentException(
            "maxNamespaceLength must be >= 1, was " + maxNamespaceLength);
      }
      if (ioThreads < 1) {
        throw new IllegalArgumentException("ioThreads must be >= 1, was " + ioThreads);
      }
      positive("headersTimeout", headersTimeout);
      positive("requestTimeout", requestTimeout);
      positive("keepAliveTimeout", keepAliveTimeout);
      positive("writeTimeout", writeTimeout);
      if (maxConnections < 0) {
        throw new IllegalArgumentException(
            "maxConnections must be >= 0 (0: no cap), was " + maxConnections);
      }
      if (adapter == null) {
        throw new IllegalArgumentException("adapter must not be null");
      }
      if (adapter instanceof ProvidedAdapter provided) {
        provided.check();
      }
      return new ServerOptions(this);
    }

    private static void positive(String name, Duration d) {
      if (d == null) {
        throw new IllegalArgumentException(name + " must not be null");
      }
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
    }
  }
}
