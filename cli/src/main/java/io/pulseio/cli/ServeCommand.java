package io.pulseio.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pulseio.admin.Admin;
import io.pulseio.admin.AdminOptions;
import io.pulseio.metrics.MetricsServer;
import io.pulseio.metrics.PulseioMetrics;
import io.pulseio.server.AdapterSettings;
import io.pulseio.server.Conformance;
import io.pulseio.server.EngineServer;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code pulseio serve}: a standalone Socket.IO server for development and the conformance suites. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs a Socket.IO server for development until Ctrl-C. Every namespace is accepted.",
            "Behaviour: --log (default) prints each received event on stdout as a JSON line "
                    + "{\"client\":..,\"namespace\":..,\"event\":..,\"args\":[..]}; --echo sends each event "
                    + "back to its sender (or answers its ack with the same arguments); --relay re-broadcasts "
                    + "each event to the namespace's other clients (and answers its ack, empty).",
            "Connections and disconnections are reported on stderr. Once bound, prints "
                    + "'LISTENING <port>' on stdout, so scripts can read the port (use --port 0 for a free one).",
            "--conformance configures the server as the official engine.io / socket.io protocol test "
                    + "suites expect (ping interval 300 ms, ping timeout 200 ms, max payload 1 000 000, "
                    + "CORS *; engine.io: path /engine.io/, every message echoed; socket.io: namespaces / and "
                    + "/custom, 'auth', 'message-back' and 'message-with-ack' as the suite's README says)."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  130 stopped by Ctrl-C (143 on SIGTERM)",
            "  64  usage error (conflicting flags, unreadable TLS files, " + "a port out of range)",
            "  69  the port (or the metrics port) cannot be bound",
            "",
            "Examples (from the repository root):",
            "  pulseio serve",
            "  pulseio serve --port 8080 --echo --cors http://localhost:5173",
            "  pulseio serve --port 0 --relay | head -1      # LISTENING 43817",
            "  # TLS with the development certificate for localhost in examples/tls:",
            "  pulseio serve --port 8443 --echo \\",
            "      --cert examples/tls/localhost-cert.pem \\",
            "      --key examples/tls/localhost-key.pem",
            "  # the official Admin UI (its page at https://admin.socket.io):",
            "  pulseio serve --admin ops:s3cret --cors https://admin.socket.io",
            "  # Prometheus metrics at http://127.0.0.1:9464/metrics:",
            "  pulseio serve --metrics 9464",
            "  pulseio serve --conformance socket.io   # then the v5 test suite on :3000"
        })
final class ServeCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = 3000;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-p", "--port"},
            paramLabel = "P",
            defaultValue = "3000",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "H", description = "Address to bind (default: every interface).")
    String host;

    @Option(names = "--path", paramLabel = "PATH", description = "Engine.IO path (default: /socket.io/).")
    String path;

    @Option(
            names = "--cors",
            paramLabel = "ORIGIN",
            description = "Allow this origin by CORS ('*' for any); repeatable. Default: no CORS headers.")
    List<String> cors = new ArrayList<>();

    @ArgGroup(exclusive = false)
    Tls tls;

    @Option(
            names = "--admin",
            paramLabel = "USER:PASSWORD",
            description = "Serve the official Socket.IO Admin UI's namespace /admin with this login "
                    + "(allow the UI's page with --cors, e.g. https://admin.socket.io).")
    String admin;

    @Option(
            names = "--admin-read-only",
            description = "With --admin: the UI may look but not act " + "(no emit, join, leave or disconnect).")
    boolean adminReadOnly;

    @Option(
            names = "--admin-mode",
            paramLabel = "development|production",
            converter = AdminModeConverter.class,
            description = "With --admin: development (default) sends every socket, room change and event; "
                    + "production only the statistics.")
    AdminOptions.Mode adminMode;

    @Mixin
    MetricsOption metrics = new MetricsOption();

    @ArgGroup(exclusive = true)
    ServeBehaviour.Choice behaviour;

    @Option(
            names = "--redis",
            paramLabel = "URL",
            description = "Join the Socket.IO cluster on this Redis (redis://[:password@]host[:port][/db], "
                    + "rediss:// for TLS), with Node.js servers of the same adapter. If Redis is down the "
                    + "server still serves its own clients, warns and keeps trying.")
    String redis;

    @Option(
            names = "--redis-adapter",
            paramLabel = "classic|streams",
            description = "The Node.js adapter's protocol: classic (@socket.io/redis-adapter, the default) "
                    + "or streams (@socket.io/redis-streams-adapter).")
    String redisAdapter;

    @Option(
            names = "--redis-option",
            paramLabel = "NAME=VALUE",
            description = "An option of the Node.js adapter, by its name there (times in ms), repeatable: "
                    + "streams has streamName, streamCount, channelPrefix, maxLen, readCount, blockTimeInMs, "
                    + "sessionKeyPrefix, requestsTimeout, useShardedPubSub (and accepts heartbeatInterval, "
                    + "heartbeatTimeout and onlyPlaintext, which change nothing); classic has requestsTimeout, and "
                    + "sharded=true (createShardedAdapter) with subscriptionMode=static|dynamic|dynamic-private "
                    + "and channelPrefix. See docs/cluster.md.")
    java.util.LinkedHashMap<String, String> redisOptions = new java.util.LinkedHashMap<>();

    @Option(
            names = "--conformance",
            paramLabel = "engine.io|socket.io",
            converter = ModeConverter.class,
            description = "Serve as the official protocol test suite of that name expects.")
    Conformance.Mode conformance;

    static final class Tls {
        @Option(names = "--cert", paramLabel = "PEM", required = true, description = "TLS certificate chain (PEM).")
        Path cert;

        @Option(names = "--key", paramLabel = "PEM", required = true, description = "TLS private key (PEM, PKCS#8).")
        Path key;
    }

    private Admin instrumentation;
    private MetricsServer metricsEndpoint;

    @Override
    public Integer call() {
        AdminOptions adminOptions = adminOptions();
        boolean measured = metrics.enabled(spec.commandLine());
        if (measured && conformance == Conformance.Mode.ENGINE_IO) {
            throw new ParameterException(
                    spec.commandLine(), "--metrics needs Socket.IO: drop it with --conformance engine.io");
        }
        ServerOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AutoCloseable server;
        int bound;
        try {
            if (conformance == Conformance.Mode.ENGINE_IO) {
                EngineServer engine = Conformance.engineIo(options);
                server = engine;
                bound = start(engine::start, engine);
            } else {
                SocketIoServer io = conformance == Conformance.Mode.SOCKET_IO
                        ? Conformance.socketIo(options)
                        : ServeBehaviour.attach(SocketIoServer.create(options), behaviourOrDefault(), out, err);
                if (adminOptions != null) {
                    instrumentation = Admin.instrument(io, adminOptions);
                }
                PrometheusMeterRegistry registry = measured ? MetricsOption.registry() : null;
                if (registry != null) {
                    PulseioMetrics.bind(io, registry, "serve");
                }
                server = io;
                bound = start(io::start, io);
                if (registry != null) {
                    try {
                        metricsEndpoint = metrics.start(registry, err);
                    } catch (CliException e) {
                        if (instrumentation != null) {
                            instrumentation.close();
                        }
                        closeQuietly(io);
                        throw e;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (Shutdown ctrlC = Shutdown.onSignal(() -> {
            closeQuietly(server);
            stopped.countDown();
        })) {
            out.println("LISTENING " + bound);
            out.flush();
            err.println("pulseio: serving " + (options.tlsCertificate() == null ? "http" : "https") + "://"
                    + (host == null ? "localhost" : host) + ":" + bound + options.path()
                    + (conformance != null
                            ? " in " + conformance.label() + " conformance mode"
                            : " (" + behaviourOrDefault().name().toLowerCase(java.util.Locale.ROOT) + ")")
                    + (redis == null
                            ? ""
                            : " in the cluster on " + AdapterSettings.of(redis).shownUrl() + " ("
                                    + (redisAdapter == null ? "classic" : redisAdapter)
                                    + ("true".equals(redisOptions.get("sharded"))
                                            ? ", sharded: " + redisOptions.getOrDefault("subscriptionMode", "dynamic")
                                            : "")
                                    + ")")
                    + "; Ctrl-C stops");
            err.flush();
            stopped.await();
        } catch (InterruptedException e) {
            // stopped from within the JVM (tests, embedding): same as Ctrl-C
        } finally {
            if (instrumentation != null) {
                instrumentation.close();
            }
            if (metricsEndpoint != null) {
                metricsEndpoint.close();
            }
            closeQuietly(server);
        }
        return ExitCodes.OK;
    }

    private ServerOptions options() {
        if (conformance != null && (path != null || !cors.isEmpty() || behaviour != null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--conformance fixes the path, CORS and behaviour: "
                            + "drop --path, --cors, --echo, --relay and --log");
        }
        ServerOptions.Builder b = conformance != null
                ? Conformance.options(conformance, port).toBuilder()
                : ServerOptions.builder().port(port).corsOrigins(cors.toArray(String[]::new));
        if (path != null) {
            b.path(path);
        }
        if (host != null) {
            b.host(host);
        }
        if (redisAdapter != null && redis == null) {
            throw new ParameterException(spec.commandLine(), "--redis-adapter needs --redis URL");
        }
        if (!redisOptions.isEmpty() && redis == null) {
            throw new ParameterException(spec.commandLine(), "--redis-option needs --redis URL");
        }
        if (redis != null) {
            AdapterSettings cluster = new AdapterSettings(redis, redisAdapter, null, null, redisOptions);
            try {
                ServerOptions.builder().cluster(cluster).build();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--redis: " + e.getMessage());
            }
            b.cluster(cluster);
        }
        if (admin != null && !cors.isEmpty()) {
            b.corsCredentials(true); // the Admin UI's page connects with credentials
        }
        if (tls != null) {
            PemFiles.certificates(
                    spec.commandLine(),
                    "--cert",
                    tls.cert,
                    "give the server's certificate chain in PEM (-----BEGIN CERTIFICATE-----)");
            PemFiles.privateKey(spec.commandLine(), "--key", tls.key);
            b.tls(tls.cert, tls.key);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid server option: " + e.getMessage());
        }
    }

    /** The Admin UI's options from --admin, --admin-read-only and --admin-mode, or null without --admin. */
    private AdminOptions adminOptions() {
        if (admin == null) {
            if (adminReadOnly || adminMode != null) {
                throw new ParameterException(spec.commandLine(), "--admin-read-only and --admin-mode need --admin");
            }
            return null;
        }
        if (conformance == Conformance.Mode.ENGINE_IO) {
            throw new ParameterException(
                    spec.commandLine(), "--admin needs Socket.IO: drop it with --conformance engine.io");
        }
        int colon = admin.indexOf(':');
        if (colon <= 0 || colon == admin.length() - 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--admin: expected USER:PASSWORD (both non-empty), got '"
                            + (colon < 0 ? admin : admin.substring(0, colon + 1) + "...") + "'");
        }
        return AdminOptions.builder()
                .login(admin.substring(0, colon), admin.substring(colon + 1))
                .readOnly(adminReadOnly)
                .mode(adminMode == null ? AdminOptions.Mode.DEVELOPMENT : adminMode)
                .build();
    }

    private ServeBehaviour behaviourOrDefault() {
        return behaviour == null ? ServeBehaviour.LOG : behaviour.chosen();
    }

    private int start(java.util.function.IntSupplier start, AutoCloseable server) {
        try {
            return start.getAsInt();
        } catch (UncheckedIOException | IllegalStateException e) {
            closeQuietly(server);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw CliException.unavailable("cannot listen on " + (host == null ? "port " + port : host + ":" + port)
                    + ": " + cause.getMessage());
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            // closing is best effort when stopping
        }
    }

    /** {@code development} or {@code production}. */
    static final class AdminModeConverter implements ITypeConverter<AdminOptions.Mode> {
        @Override
        public AdminOptions.Mode convert(String value) {
            for (AdminOptions.Mode mode : AdminOptions.Mode.values()) {
                if (mode.name().equalsIgnoreCase(value)) {
                    return mode;
                }
            }
            throw new TypeConversionException("'" + value + "' is not an admin mode: use development or production");
        }
    }

    /** {@code engine.io} or {@code socket.io}. */
    static final class ModeConverter implements ITypeConverter<Conformance.Mode> {
        @Override
        public Conformance.Mode convert(String value) {
            Conformance.Mode mode = Conformance.Mode.ofLabel(value);
            if (mode == null) {
                throw new TypeConversionException(
                        "'" + value + "' is not a conformance mode: use engine.io or socket.io");
            }
            return mode;
        }
    }
}
