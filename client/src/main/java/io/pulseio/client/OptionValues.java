package io.pulseio.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * Every option as given to a {@link ClientOptions.Builder}, with the defaults: the builder's
 * state, checked by {@link OptionChecks}, then copied and kept by {@link ClientOptions}, which
 * never changes its copy. Mutable and not thread-safe, like the builder.
 */
final class OptionValues {
    final String url;
    int port = -1;
    boolean portSet;
    String path = ClientOptions.DEFAULT_PATH;
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, List<String>> headers = new LinkedHashMap<>();
    List<Transport> transports = List.of(Transport.POLLING, Transport.WEBSOCKET);
    boolean upgrade = true;
    boolean rememberUpgrade;
    Duration connectTimeout = Duration.ofSeconds(20);
    boolean reconnection = true;
    int reconnectionAttempts = Integer.MAX_VALUE;
    Duration reconnectionDelay = Duration.ofSeconds(1);
    Duration reconnectionDelayMax = Duration.ofSeconds(5);
    double randomizationFactor = 0.5;
    Duration ackTimeout;
    int retries;
    /** What {@code auth(...)} was given; {@link #auth} is its JSON form once checked. */
    Object authValue;

    ObjectNode auth;
    Path caFile;
    Path trustStore;
    char[] trustStorePassword;
    boolean insecure;
    EventLoops eventLoops;
    Executor callbackExecutor;
    int sendBufferSize = ClientOptions.DEFAULT_SEND_BUFFER_SIZE;
    java.util.function.IntConsumer sendBufferListener;
    RandomGenerator random;

    OptionValues(String url) {
        this.url = url;
    }

    /** A deep copy: nothing the copy holds is shared with this, except immutable values. */
    OptionValues copy() {
        OptionValues c = new OptionValues(url);
        c.port = port;
        c.portSet = portSet;
        c.path = path;
        c.query.putAll(query);
        headers.forEach((k, v) -> c.headers.put(k, new ArrayList<>(v)));
        c.transports = new ArrayList<>(transports);
        c.upgrade = upgrade;
        c.rememberUpgrade = rememberUpgrade;
        c.connectTimeout = connectTimeout;
        c.reconnection = reconnection;
        c.reconnectionAttempts = reconnectionAttempts;
        c.reconnectionDelay = reconnectionDelay;
        c.reconnectionDelayMax = reconnectionDelayMax;
        c.randomizationFactor = randomizationFactor;
        c.ackTimeout = ackTimeout;
        c.retries = retries;
        c.authValue = authValue instanceof ObjectNode o ? o.deepCopy() : authValue;
        c.auth = auth == null ? null : auth.deepCopy();
        c.caFile = caFile;
        c.trustStore = trustStore;
        c.trustStorePassword = trustStorePassword == null ? null : trustStorePassword.clone();
        c.insecure = insecure;
        c.eventLoops = eventLoops;
        c.callbackExecutor = callbackExecutor;
        c.sendBufferSize = sendBufferSize;
        c.sendBufferListener = sendBufferListener;
        c.random = random;
        return c;
    }
}
