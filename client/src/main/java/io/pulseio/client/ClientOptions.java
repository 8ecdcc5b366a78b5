package io.pulseio.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * How a {@link SocketIoClient} connects: immutable, made with {@link #builder(String)}.
 *
 * <p>Defaults follow the official JavaScript client: path {@code /socket.io/}, polling then
 * upgrade to WebSocket, connect timeout 20 s, reconnection on with unlimited attempts, delay 1 s
 * doubling up to 5 s with randomization 0.5, no ack timeout, no retries. TLS trusts the JDK's trust
 * store. {@link Builder#build()} rejects bad values with an {@link IllegalArgumentException} whose
 * message names the option and the value.
 */
public final class ClientOptions {
  /** The default Engine.IO path. */
  public static final String DEFAULT_PATH = "/socket.io/";
  /** The default {@link #sendBufferSize()}. */
  public static final int DEFAULT_SEND_BUFFER_SIZE = 10_000;

  private final String url;
  private final boolean secure;
  private final String host;
  private final int port;
  private final String path;
  private final Map<String, String> query;
  private final Map<String, List<String>> headers;
  private final List<Transport> transports;
  private final boolean upgrade;
  private final boolean rememberUpgrade;
  private final Duration connectTimeout;
  private final boolean reconnection;
  private final int reconnectionAttempts;
  private final Duration reconnectionDelay;
  private final Duration reconnectionDelayMax;
  private final double randomizationFactor;
  private final Duration ackTimeout;
  private final int retries;
  private final ObjectNode auth;
  private final Path caFile;
  private final Path trustStore;
  private final char[] trustStorePassword;
  private final boolean insecure;
  private final EventLoops eventLoops;
  private final Executor callbackExecutor;
  private final int sendBufferSize;
  private final RandomGenerator random;

  private ClientOptions(Builder b, URI uri) {
    this.url = b.url;
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    this.secure = scheme.equals("https") || scheme.equals("wss");
    String h = uri.getHost();
    this.host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    this.port = b.portSet ? b.port : uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
    this.path = b.path.endsWith("/") ? b.path : b.path + "/";
    Map<String, String> q = new LinkedHashMap<>(OptionChecks.parseQuery(uri.getRawQuery()));
    q.putAll(b.query);
    this.query = Collections.unmodifiableMap(q);
    Map<String, List<String>> hs = new LinkedHashMap<>();
    b.headers.forEach((k, v) -> hs.put(k, List.copyOf(v)));
    this.headers = Collections.unmodifiableMap(hs);
    this.transports = List.copyOf(b.transports);
    this.upgrade = b.upgrade;
    this.rememberUpgrade = b.rememberUpgrade;
    this.connectTimeout = b.connectTimeout;
    this.reconnection = b.reconnection;
    this.reconnectionAttempts = b.reconnectionAttempts;
    this.reconnectionDelay = b.reconnectionDelay;
    this.reconnectionDelayMax = b.reconnectionDelayMax;
    this.randomizationFactor = b.randomizationFactor;
    this.ackTimeout = b.ackTimeout;
    this.retries = b.retries;
    this.auth = b.auth == null ? null : b.auth.deepCopy();
    this.caFile = b.caFile;
    this.trustStore = b.trustStore;
    this.trustStorePassword = b.trustStorePassword == null ? null : b.trustStorePassword.clone();
    this.insecure = b.insecure;
    this.eventLoops = b.eventLoops;
    this.callbackExecutor = b.callbackExecutor;
    this.sendBufferSize = b.sendBufferSize;
    this.random = b.random;
  }

  /**
   * A builder for a server URL: {@code http://host[:port]}, {@code https://...}, or the aliases
   * {@code ws://} and {@code wss://}. The URL may carry a query (merged into {@link #query()}) but
   * no path other than {@code /}: set the Engine.IO path with {@link Builder#path} and choose
   * namespaces with {@link SocketIoClient#socket(String)}.
   */
  public static Builder builder(String url) {
    return new Builder(Objects.requireNonNull(url, "url"));
  }

  /** A builder holding these options, to derive other options from. */
  public Builder toBuilder() {
    Builder b = new Builder(url);
    b.port = port;
    b.portSet = true;
    b.path = path;
    b.query.putAll(query);
    headers.forEach((k, v) -> b.headers.put(k, new ArrayList<>(v)));
    b.transports = new ArrayList<>(transports);
    b.upgrade = upgrade;
    b.rememberUpgrade = rememberUpgrade;
    b.connectTimeout = connectTimeout;
    b.reconnection = reconnection;
    b.reconnectionAttempts = reconnectionAttempts;
    b.reconnectionDelay = reconnectionDelay;
    b.reconnectionDelayMax = reconnectionDelayMax;
    b.randomizationFactor = randomizationFactor;
    b.ackTimeout = ackTimeout;
    b.retries = retries;
    b.authValue = auth;
    b.caFile = caFile;
    b.trustStore = trustStore;
    b.trustStorePassword = trustStorePassword;
    b.insecure = insecure;
    b.eventLoops = eventLoops;
    b.callbackExecutor = callbackExecutor;
    b.sendBufferSize = sendBufferSize;
    b.random = random;
    return b;
  }

  /** The URL as given to {@link #builder(String)}. */
  public String url() {
    return url;
  }

  /** True for {@code https://} and {@code wss://}. */
  public boolean secure() {
    return secure;
  }

  /** The server host (an IPv6 address without brackets). */
  public String host() {
    return host;
  }

  /** The server port: the builder's, else the URL's, else 80 or 443. */
  public int port() {
    return port;
  }

  /** The Engine.IO path, with leading and trailing slash. */
  public String path() {
    return path;
  }

  /** Extra query parameters sent with every request (the URL's, then the builder's). */
  public Map<String, String> query() {
    return query;
  }

  /** Extra HTTP headers sent with every request and the WebSocket handshake. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The transports, in the order they are tried; the first opens the connection. */
  public List<Transport> transports() {
    return transports;
  }

  /** Whether a polling connection upgrades to WebSocket when the server offers it. */
  public boolean upgrade() {
    return upgrade;
  }

  /** Whether, once a WebSocket upgrade worked, the next connections open with WebSocket directly. */
  public boolean rememberUpgrade() {
    return rememberUpgrade;
  }

  /** How long opening the connection and joining a namespace may take before "timeout". */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Whether the client reconnects by itself after losing the connection. */
  public boolean reconnection() {
    return reconnection;
  }

  /** Reconnection attempts before giving up; {@link Integer#MAX_VALUE} means no limit. */
  public int reconnectionAttempts() {
    return reconnectionAttempts;
  }

  /** The first reconnection delay; each attempt doubles it. */
  public Duration reconnectionDelay() {
    return reconnectionDelay;
  }

  /** The largest reconnection delay. */
  public Duration reconnectionDelayMax() {
    return reconnectionDelayMax;
  }

  /** How far (as a fraction, 0 to 1) a reconnection delay is randomly moved up or down. */
  public double randomizationFactor() {
    return randomizationFactor;
  }

  /** The default timeout of {@link Socket#emitWithAck}, and of each try with retries; null: none. */
  public Duration ackTimeout() {
    return ackTimeout;
  }

  /** How often an unacknowledged emit is resent; 0 turns at-least-once delivery off. */
  public int retries() {
    return retries;
  }

  /** The auth object sent with every namespace CONNECT (a copy), or null. */
  public ObjectNode auth() {
    return auth == null ? null : auth.deepCopy();
  }

  /** A PEM file of CA certificates to trust instead of the JDK's, or null. */
  public Path caFile() {
    return caFile;
  }

  /** A trust store (PKCS12 or JKS) to trust instead of the JDK's, or null. */
  public Path trustStore() {
    return trustStore;
  }

  /** The trust store's password (a copy), or null. */
  public char[] trustStorePassword() {
    return trustStorePassword == null ? null : trustStorePassword.clone();
  }

  /** Whether TLS certificates are not checked at all (for tests only; logs a warning). */
  public boolean insecure() {
    return insecure;
  }

  /** Shared event loops, or null: the client then makes and owns its own single thread. */
  public EventLoops eventLoops() {
    return eventLoops;
  }

  /** Where listeners and futures run, or null: on the connection's event loop thread. */
  public Executor callbackExecutor() {
    return callbackExecutor;
  }

  /** At most this many packets wait per socket while it is not connected. */
  public int sendBufferSize() {
    return sendBufferSize;
  }

  /**
   * The randomness of reconnection delays, or null: a new generator per client. Used only on the
   * client's event loop; a generator shared by several clients must be thread-safe.
   */
  public RandomGenerator random() {
    return random;
  }

  @Override
  public String toString() {
    return "ClientOptions[" + (secure ? "https://" : "http://") + host + ":" + port + path
        + ", transports=" + transports + ", reconnection=" + reconnection + "]";
  }

  /** Collects options; {@link #build()} checks them. Not thread-safe. */
  public static final class Builder {
    private final String url;
    private int port = -1;
    private boolean portSet;
    private String path = DEFAULT_PATH;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private List<Transport> transports = List.of(Transport.POLLING, Transport.WEBSOCKET);
    private boolean upgrade = true;
    private boolean rememberUpgrade;
    private Duration connectTimeout = Duration.ofSeconds(20);
    private boolean reconnection = true;
    private int reconnectionAttempts = Integer.MAX_VALUE;
    private Duration reconnectionDelay = Duration.ofSeconds(1);
    private Duration reconnectionDelayMax = Duration.ofSeconds(5);
    private double randomizationFactor = 0.5;
    private Duration ackTimeout;
    private int retries;
    private ObjectNode auth;
    private Object authValue;
    private Path caFile;
    private Path trustStore;
    private char[] trustStorePassword;
    private boolean insecure;
    private EventLoops eventLoops;
    private Executor callbackExecutor;
    private int sendBufferSize = DEFAULT_SEND_BUFFER_SIZE;
    private RandomGenerator random;

    private Builder(String url) {
      this.url = url;
    }

    /** The port, overriding the URL's (1 to 65535). */
    public Builder port(int port) {
      this.port = port;
      this.portSet = true;
      return this;
    }

    /** The Engine.IO path (default {@code /socket.io/}); a trailing slash is added when missing. */
    public Builder path(String path) {
      this.path = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Adds (or replaces) a query parameter. */
    public Builder query(String name, String value) {
      query.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds query parameters. */
    public Builder query(Map<String, String> parameters) {
      parameters.forEach(this::query);
      return this;
    }

    /** Adds an HTTP header value (a name may have several values). */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
          .add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * The transports in the order to try: {@code (POLLING, WEBSOCKET)} by default (polling, then
     * upgrade); {@code (WEBSOCKET)} for WebSocket only; {@code (POLLING)} for polling only.
     */
    public Builder transports(Transport... transports) {
      this.transports = Arrays.asList(transports.clone());
      return this;
    }

    /** Whether to upgrade from polling to WebSocket (default true). */
    public Builder upgrade(boolean upgrade) {
      this.upgrade = upgrade;
      return this;
    }

    /** Whether to open later connections with WebSocket once an upgrade worked (default false). */
    public Builder rememberUpgrade(boolean rememberUpgrade) {
      this.rememberUpgrade = rememberUpgrade;
      return this;
    }

    /** How long opening the connection, and joining a namespace, may take (default 20 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    /** Whether to reconnect after losing the connection (default true). */
    public Builder reconnection(boolean reconnection) {
      this.reconnection = reconnection;
      return this;
    }

    /** Attempts before giving up (default {@link Integer#MAX_VALUE}: no limit). */
    public Builder reconnectionAttempts(int attempts) {
      this.reconnectionAttempts = attempts;
      return this;
    }

    /** The first delay (default 1 s); attempt {@code n} waits {@code delay * 2^(n-1)}. */
    public Builder reconnectionDelay(Duration delay) {
      this.reconnectionDelay = Objects.requireNonNull(delay, "reconnectionDelay");
      return this;
    }

    /** The largest delay (default 5 s). */
    public Builder reconnectionDelayMax(Duration max) {
      this.reconnectionDelayMax = Objects.requireNonNull(max, "reconnectionDelayMax");
      return this;
    }

    /** Random spread of the delay, 0 to 1 (default 0.5: the delay moves by up to ±50 %). */
    public Builder randomizationFactor(double factor) {
      this.randomizationFactor = factor;
      return this;
    }

    /** Default ack timeout (default null: none). */
    public Builder ackTimeout(Duration ackTimeout) {
      this.ackTimeout = ackTimeout;
      return this;
    }

    /** Resends of an unacknowledged emit (default 0). With retries, every emit asks for an ack. */
    public Builder retries(int retries) {
      this.retries = retries;
      return this;
    }

    /**
     * The auth object sent with every namespace CONNECT: a Jackson {@code ObjectNode}, or any
     * object the Jackson mapper turns into a JSON object (a map, a record...). Null: none.
     */
    public Builder auth(Object auth) {
      this.authValue = auth;
      this.auth = null;
      return this;
    }

    /** Trust the CA certificates of this PEM file instead of the JDK's trust store. */
    public Builder caFile(Path pemFile) {
      this.caFile = pemFile;
      return this;
    }

    /** Trust the certificates of this trust store (PKCS12 or JKS) instead of the JDK's. */
    public Builder trustStore(Path file, char[] password) {
      this.trustStore = file;
      this.trustStorePassword = password == null ? null : password.clone();
      return this;
    }

    /** Do not check TLS certificates at all. For tests only: the client logs a warning. */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /** Shared event loops (default: the client makes and closes its own single thread). */
    public Builder eventLoops(EventLoops eventLoops) {
      this.eventLoops = eventLoops;
      return this;
    }

    /**
     * Where listeners run and futures complete (default null: on the connection's event loop
     * thread, which must then never be blocked). Give a serial executor to keep callbacks in
     * order, e.g. the thread of the application's own event queue.
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = executor;
      return this;
    }

    /** Packets a socket keeps while not connected (default 10,000; 0: none). */
    public Builder sendBufferSize(int packets) {
      this.sendBufferSize = packets;
      return this;
    }

    /** Randomness for reconnection delays (default: a new generator per client). */
    public Builder random(RandomGenerator random) {
      this.random = random;
      return this;
    }

    /** Checks the options and makes them. */
    public ClientOptions build() {
      URI uri = OptionChecks.parseUrl(url);
      if (portSet && (port < 1 || port > 65535)) {
        throw new IllegalArgumentException("port must be in 1..65535, was " + port);
      }
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with /, was \"" + path + "\"");
      }
      for (String reserved : List.of("EIO", "transport", "sid")) {
        if (query.containsKey(reserved)) {
          throw new IllegalArgumentException("query parameter " + reserved + " is reserved");
        }
      }
      for (String name : headers.keySet()) {
        if (name.isBlank()) {
          throw new IllegalArgumentException("header name must not be blank");
        }
      }
      if (transports.isEmpty()) {
        throw new IllegalArgumentException("transports must not be empty");
      }
      if (transports.stream().anyMatch(Objects::isNull)) {
        throw new IllegalArgumentException("transports must not contain null");
      }
      if (transports.stream().distinct().count() != transports.size()) {
        throw new IllegalArgumentException("transports must not repeat a transport, was " + transports);
      }
      OptionChecks.positive("connectTimeout", connectTimeout);
      if (reconnectionAttempts < 0) {
        throw new IllegalArgumentException("reconnectionAttempts must be >= 0, was " + reconnectionAttempts);
      }
      OptionChecks.positive("reconnectionDelay", reconnectionDelay);
      if (reconnectionDelayMax.compareTo(reconnectionDelay) < 0) {
        throw new IllegalArgumentException("reconnectionDelayMax must be >= reconnectionDelay ("
            + reconnectionDelay.toMillis() + " ms), was " + reconnectionDelayMax.toMillis() + " ms");
      }
      if (!(randomizationFactor >= 0 && randomizationFactor <= 1)) {
        throw new IllegalArgumentException("randomizationFactor must be in [0, 1], was " + randomizationFactor);
      }
      if (ackTimeout != null) {
        OptionChecks.positive("ackTimeout", ackTimeout);
      }
      if (retries < 0) {
        throw new IllegalArgumentException("retries must be >= 0, was " + retries);
      }
      if (authValue != null) {
        auth = OptionChecks.toAuth(authValue);
      }
      int trustChoices = (caFile != null ? 1 : 0) + (trustStore != null ? 1 : 0) + (insecure ? 1 : 0);
      if (trustChoices > 1) {
        throw new IllegalArgumentException("only one of caFile, trustStore and insecure may be set");
      }
      OptionChecks.readable("caFile", caFile);
      OptionChecks.readable("trustStore", trustStore);
      if (sendBufferSize < 0) {
        throw new IllegalArgumentException("sendBufferSize must be >= 0, was " + sendBufferSize);
      }
      return new ClientOptions(this, uri);
    }

  }
}
