package io.pulseio.adapter.redis.internal;

import io.pulseio.server.AdapterOptionException;
import io.pulseio.server.AdapterSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@link AdapterSettings#options()} for the Redis kinds, by the Node adapters' names (times
 * in milliseconds, as Node's). Each bad value is an {@link AdapterOptionException} that names
 * the option and the value; an option the kind does not know is one too.
 */
final class ProvidedOptions {
    /**
     * The classic adapter's options: {@code requestsTimeout}, and {@code sharded} with the options
     * of Node's {@code createShardedAdapter} ({@code subscriptionMode}, {@code channelPrefix}).
     */
    static final List<String> CLASSIC = List.of("requestsTimeout", "sharded", "subscriptionMode", "channelPrefix");
    /** The options that only the sharded variant has. */
    private static final List<String> SHARDED_ONLY = List.of("subscriptionMode", "channelPrefix");

    /**
     * The classic adapter's options read.
     *
     * @param sharded Node's {@code createShardedAdapter} rather than {@code createAdapter}
     * @param mode the sharded variant's subscription mode (Node's default {@code dynamic})
     * @param prefix the channels' prefix: {@code channelPrefix}, else the key
     */
    record Classic(Duration requestsTimeout, boolean sharded, ShardedAdapter.Mode mode, String prefix) {}
    /**
     * The streams adapter's options; {@code heartbeatInterval}/{@code heartbeatTimeout} are
     * accepted as Node accepts them, with no effect (0.3.x's servers send no heartbeats).
     */
    static final List<String> STREAMS = List.of(
            "streamName",
            "streamCount",
            "channelPrefix",
            "maxLen",
            "readCount",
            "blockTimeInMs",
            "sessionKeyPrefix",
            "requestsTimeout",
            "heartbeatInterval",
            "heartbeatTimeout",
            "onlyPlaintext",
            "useShardedPubSub");

    private ProvidedOptions() {}

    /** The classic adapter's options; the requests timeout {@code fallback} when none is given. */
    static Classic classic(AdapterSettings settings, String key, Duration fallback) {
        known(settings, "classic", CLASSIC);
        Map<String, String> o = settings.options();
        String v = o.get("requestsTimeout");
        Duration timeout = v == null ? fallback : millis("requestsTimeout", v);
        boolean sharded = flag(o, "sharded");
        if (!sharded) {
            for (String name : SHARDED_ONLY) {
                if (o.containsKey(name)) {
                    throw new AdapterOptionException(
                            name,
                            name + " is an option of the sharded classic adapter"
                                    + " (Node's createShardedAdapter): add sharded=true");
                }
            }
        }
        String m = o.get("subscriptionMode");
        ShardedAdapter.Mode mode = m == null ? ShardedAdapter.Mode.DYNAMIC : ShardedAdapter.Mode.of(m);
        if (mode == null) {
            throw new AdapterOptionException(
                    "subscriptionMode", "subscriptionMode must be static, dynamic or dynamic-private, was '" + m + "'");
        }
        String prefix = o.getOrDefault("channelPrefix", key);
        if (prefix.isEmpty()) {
            throw new AdapterOptionException("channelPrefix", "channelPrefix must not be empty");
        }
        return new Classic(timeout, sharded, mode, prefix);
    }

    /** The streams adapter's options: the key (or Node's default), then the named options. */
    static StreamsOptions streams(AdapterSettings settings, String key) {
        known(settings, "streams", STREAMS);
        Map<String, String> o = settings.options();
        String name = o.getOrDefault("streamName", key);
        String prefix = o.getOrDefault("channelPrefix", key);
        int count = (int) number(o, "streamCount", 1, Integer.MAX_VALUE);
        long maxLen = number(o, "maxLen", StreamsOptions.DEFAULT_MAX_LEN, Long.MAX_VALUE);
        int readCount = (int) number(o, "readCount", StreamsOptions.DEFAULT_READ_COUNT, Integer.MAX_VALUE);
        Duration block = o.containsKey("blockTimeInMs")
                ? millis("blockTimeInMs", o.get("blockTimeInMs"))
                : StreamsOptions.DEFAULT_BLOCK_TIME;
        String sessions = o.getOrDefault("sessionKeyPrefix", StreamsOptions.DEFAULT_SESSION_PREFIX);
        for (String text : List.of("streamName", "channelPrefix", "sessionKeyPrefix")) {
            if (o.containsKey(text) && o.get(text).isEmpty()) {
                throw new AdapterOptionException(text, text + " must not be empty");
            }
        }
        Duration timeout = o.containsKey("requestsTimeout")
                ? millis("requestsTimeout", o.get("requestsTimeout"))
                : RedisProvider.REQUESTS_TIMEOUT;
        check(o, "heartbeatInterval", v -> millis("heartbeatInterval", v));
        check(o, "heartbeatTimeout", v -> millis("heartbeatTimeout", v));
        flag(o, "onlyPlaintext");
        boolean sharded = flag(o, "useShardedPubSub");
        return new StreamsOptions(name, count, prefix, maxLen, readCount, block, sessions, timeout, sharded);
    }

    private static boolean flag(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            return false;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new AdapterOptionException(name, name + " must be true or false, was '" + v + "'");
        }
        return v.equals("true");
    }

    private static void known(AdapterSettings settings, String kind, List<String> names) {
        for (String name : settings.options().keySet()) {
            if (!names.contains(name)) {
                throw new AdapterOptionException(
                        name,
                        "unknown option '" + name + "' of the " + kind + " Redis adapter: it has "
                                + String.join(", ", names));
            }
        }
    }

    private static void check(Map<String, String> o, String name, Consumer<String> check) {
        if (o.containsKey(name)) {
            check.accept(o.get(name));
        }
    }

    private static long number(Map<String, String> o, String name, long fallback, long max) {
        String v = o.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AdapterOptionException(name, name + " must be a whole number from 1 to " + max + ", was '" + v + "'");
    }

    private static Duration millis(String name, String v) {
        return Duration.ofMillis(number(Map.of(name, v == null ? "" : v), name, 0, Long.MAX_VALUE / 1_000_000));
    }
}
