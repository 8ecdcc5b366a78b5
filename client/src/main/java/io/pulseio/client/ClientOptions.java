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

    /** The options as given, frozen: a copy that nothing changes after {@link Builder#build()}. */
    private final OptionValues v;

    private final boolean secure;
    private final String host;
    private final int port;
    private final String path;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final List<Transport> transports;

    private ClientOptions(OptionValues v, URI uri) {
        this.v = v;
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        this.secure = scheme.equals("https") || scheme.equals("wss");
        String h = uri.getHost();
        this.host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        this.port = v.portSet ? v.port : uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        this.path = v.path.endsWith("/") ? v.path : v.path + "/";
        Map<String, String> q = new LinkedHashMap<>(OptionChecks.parseQuery(uri.getRawQuery()));
        q.putAll(v.query);
        this.query = Collections.unmodifiableMap(q);
        Map<String, List<String>> hs = new LinkedHashMap<>();
        v.headers.forEach((k, values) -> hs.put(k, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(hs);
        this.transports = List.copyOf(v.transports);
    }

    /**
     * A builder for a server URL: {@code http://host[:port]}, {@code https://...}, or the aliases
     * {@code ws://} and {@code wss://}. The URL may carry a query (merged into {@link #query()}) but
     * no path other than {@code /}: set the Engine.IO path with {@link Builder#path} and choose
     * namespaces with {@link SocketIoClient#socket(String)}.
     */
    public static Builder builder(String url) {
        return new Builder(new OptionValues(Objects.requireNonNull(url, "url")));
    }

    /**
     * {@code url} fit for a message or a log: a password and the query's values, which may be secrets,
     * as {@code ***} ({@code http://ann:***@host/?token=***&site=***}); the names and the rest kept.
     */
    public static String redacted(String url) {
        String masked = url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://[^/?#@:]*):[^/?#@]*@", "$1:***@");
        int query = masked.indexOf('?');
        if (query < 0) {
            return masked;
        }
        int fragment = masked.indexOf('#', query);
        String end = fragment < 0 ? "" : masked.substring(fragment);
        String params = masked.substring(query + 1, fragment < 0 ? masked.length() : fragment);
        return masked.substring(0, query + 1) + params.replaceAll("=[^&]*", "=***") + end;
    }

    /** A builder holding these options, to derive other options from. */
    public Builder toBuilder() {
        OptionValues b = v.copy();
        b.port = port;
        b.portSet = true;
        b.path = path;
        b.query.clear();
        b.query.putAll(query);
        b.authValue = b.auth;
        return new Builder(b);
    }

    /** The URL as given to {@link #builder(String)}. */
    public String url() {
        return v.url;
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
        return v.upgrade;
    }

    /** Whether, once a WebSocket upgrade worked, the next connections open with WebSocket directly. */
    public boolean rememberUpgrade() {
        return v.rememberUpgrade;
    }

    /** How long opening the connection and joining a namespace may take before a "timeout: …" connect error. */
    public Duration connectTimeout() {
        return v.connectTimeout;
    }

    /** Whether the client reconnects by itself after losing the connection. */
    public boolean reconnection() {
        return v.reconnection;
    }

    /** Reconnection attempts before giving up; {@link Integer#MAX_VALUE} means no limit. */
    public int reconnectionAttempts() {
        return v.reconnectionAttempts;
    }

    /** The first reconnection delay; each attempt doubles it. */
    public Duration reconnectionDelay() {
        return v.reconnectionDelay;
    }

    /** The largest reconnection delay. */
    public Duration reconnectionDelayMax() {
        return v.reconnectionDelayMax;
    }

    /** How far (as a fraction, 0 to 1) a reconnection delay is randomly moved up or down. */
    public double randomizationFactor() {
        return v.randomizationFactor;
    }

    /** The default timeout of {@link Socket#emitWithAck}, and of each try with retries; null: none. */
    public Duration ackTimeout() {
        return v.ackTimeout;
    }

    /** How often an unacknowledged emit is resent; 0 turns at-least-once delivery off. */
    public int retries() {
        return v.retries;
    }

    /** The auth object sent with every namespace CONNECT (a copy), or null. */
    public ObjectNode auth() {
        return v.auth == null ? null : v.auth.deepCopy();
    }

    /** A PEM file of CA certificates to trust instead of the JDK's, or null. */
    public Path caFile() {
        return v.caFile;
    }

    /** A trust store (PKCS12 or JKS) to trust instead of the JDK's, or null. */
    public Path trustStore() {
        return v.trustStore;
    }

    /** The trust store's password (a copy), or null. */
    public char[] trustStorePassword() {
        return v.trustStorePassword == null ? null : v.trustStorePassword.clone();
    }

    /** Whether TLS certificates are not checked at all (for tests only; logs a warning). */
    public boolean insecure() {
        return v.insecure;
    }

    /** Shared event loops, or null: the client then makes and owns its own single thread. */
    public EventLoops eventLoops() {
        return v.eventLoops;
    }

    /** Where listeners and futures run, or null: on the connection's event loop thread. */
    public Executor callbackExecutor() {
        return v.callbackExecutor;
    }

    /** At most this many packets wait per socket while it is not connected. */
    public int sendBufferSize() {
        return v.sendBufferSize;
    }

    /** Hears changes of the sockets' send buffers, or null (the default): see the builder. */
    public java.util.function.IntConsumer sendBufferListener() {
        return v.sendBufferListener;
    }

    /**
     * The randomness of reconnection delays, or null: a new generator per client. Used only on the
     * client's event loop; a generator shared by several clients must be thread-safe.
     */
    public RandomGenerator random() {
        return v.random;
    }

    @Override
    public String toString() {
        return "ClientOptions[" + (secure ? "https://" : "http://") + host + ":" + port + path + ", transports="
                + transports + ", reconnection=" + v.reconnection + "]";
    }

    /** Collects options; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private final OptionValues v;

        private Builder(OptionValues values) {
            this.v = values;
        }

        /** The port, overriding the URL's (1 to 65535). */
        public Builder port(int port) {
            v.port = port;
            v.portSet = true;
            return this;
        }

        /** The Engine.IO path (default {@code /socket.io/}); a trailing slash is added when missing. */
        public Builder path(String path) {
            v.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /** Adds (or replaces) a query parameter. */
        public Builder query(String name, String value) {
            v.query.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds query parameters. */
        public Builder query(Map<String, String> parameters) {
            parameters.forEach(this::query);
            return this;
        }

        /** Adds an HTTP header value (a name may have several values). */
        public Builder header(String name, String value) {
            v.headers
                    .computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
                    .add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The transports in the order to try: {@code (POLLING, WEBSOCKET)} by default (polling, then
         * upgrade); {@code (WEBSOCKET)} for WebSocket only; {@code (POLLING)} for polling only.
         */
        public Builder transports(Transport... transports) {
            v.transports = Arrays.asList(transports.clone());
            return this;
        }

        /** Whether to upgrade from polling to WebSocket (default true). */
        public Builder upgrade(boolean upgrade) {
            v.upgrade = upgrade;
            return this;
        }

        /** Whether to open later connections with WebSocket once an upgrade worked (default false). */
        public Builder rememberUpgrade(boolean rememberUpgrade) {
            v.rememberUpgrade = rememberUpgrade;
            return this;
        }

        /** How long opening the connection, and joining a namespace, may take (default 20 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            v.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** Whether to reconnect after losing the connection (default true). */
        public Builder reconnection(boolean reconnection) {
            v.reconnection = reconnection;
            return this;
        }

        /** Attempts before giving up (default {@link Integer#MAX_VALUE}: no limit). */
        public Builder reconnectionAttempts(int attempts) {
            v.reconnectionAttempts = attempts;
            return this;
        }

        /** The first delay (default 1 s); attempt {@code n} waits {@code delay * 2^(n-1)}. */
        public Builder reconnectionDelay(Duration delay) {
            v.reconnectionDelay = Objects.requireNonNull(delay, "reconnectionDelay");
            return this;
        }

        /** The largest delay (default 5 s). */
        public Builder reconnectionDelayMax(Duration max) {
            v.reconnectionDelayMax = Objects.requireNonNull(max, "reconnectionDelayMax");
            return this;
        }

        /** Random spread of the delay, 0 to 1 (default 0.5: the delay moves by up to ±50 %). */
        public Builder randomizationFactor(double factor) {
            v.randomizationFactor = factor;
            return this;
        }

        /** Default ack timeout (default null: none). */
        public Builder ackTimeout(Duration ackTimeout) {
            v.ackTimeout = ackTimeout;
            return this;
        }

        /** Resends of an unacknowledged emit (default 0). With retries, every emit asks for an ack. */
        public Builder retries(int retries) {
            v.retries = retries;
            return this;
        }

        /**
         * The auth object sent with every namespace CONNECT: a Jackson {@code ObjectNode}, or any
         * object the Jackson mapper turns into a JSON object (a map, a record...). Null: none.
         */
        public Builder auth(Object auth) {
            v.authValue = auth;
            v.auth = null;
            return this;
        }

        /** Trust the CA certificates of this PEM file instead of the JDK's trust store. */
        public Builder caFile(Path pemFile) {
            v.caFile = pemFile;
            return this;
        }

        /** Trust the certificates of this trust store (PKCS12 or JKS) instead of the JDK's. */
        public Builder trustStore(Path file, char[] password) {
            v.trustStore = file;
            v.trustStorePassword = password == null ? null : password.clone();
            return this;
        }

        /** Do not check TLS certificates at all. For tests only: the client logs a warning. */
        public Builder insecure(boolean insecure) {
            v.insecure = insecure;
            return this;
        }

        /** Shared event loops (default: the client makes and closes its own single thread). */
        public Builder eventLoops(EventLoops eventLoops) {
            v.eventLoops = eventLoops;
            return this;
        }

        /**
         * Where listeners run and futures complete (default null: on the connection's event loop
         * thread, which must then never be blocked). Give a serial executor to keep callbacks in
         * order, e.g. the thread of the application's own event queue.
         */
        public Builder callbackExecutor(Executor executor) {
            v.callbackExecutor = executor;
            return this;
        }

        /** Packets a socket keeps while not connected (default 10,000; 0: none). */
        public Builder sendBufferSize(int packets) {
            v.sendBufferSize = packets;
            return this;
        }

        /**
         * Hears how many emits wait in this client's sockets (default null: nobody). It is given the
         * change of a socket's count (+n, -n) whenever it changes: emits buffered while the socket is
         * not connected, and at-least-once emits ({@link #retries}) queued behind the one in flight;
         * the sum of the changes is the number waiting now. Called on the client's event loop: it must
         * be thread-safe, quick, and never block; an exception it throws is logged. For metrics.
         */
        public Builder sendBufferListener(java.util.function.IntConsumer changes) {
            v.sendBufferListener = changes;
            return this;
        }

        /** Randomness for reconnection delays (default: a new generator per client). */
        public Builder random(RandomGenerator random) {
            v.random = random;
            return this;
        }

        /** Checks the options and makes them. */
        public ClientOptions build() {
            OptionValues frozen = v.copy();
            URI uri = OptionChecks.check(frozen);
            return new ClientOptions(frozen, uri);
        }
    }
}
