package io.pulseio.adapter.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.pulseio.server.Adapter.BroadcastOptions;
import io.pulseio.server.Adapter.RestoredSession;
import io.pulseio.server.Adapter.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection state recovery in Redis, as the Node.js streams adapter keeps it, so that a client
 * comes back on any server of the cluster: a disconnected socket's session under
 * {@code <sessionKeyPrefix><pid>} ({@code SET ... PX maxDisconnectionDuration}), offsets that are
 * the stream's entry ids, and the missed packets read back from the stream ({@code XRANGE}).
 */
final class StreamsRecovery {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.adapter.redis");
    private static final Pattern OFFSET = Pattern.compile("[0-9]+-[0-9]+");
    /** GET and DEL in one step on every Redis version (GETDEL came with 6.2). */
    private static final String TAKE = "local v = redis.call('GET', KEYS[1]); redis.call('DEL', KEYS[1]); return v";
    /** Entries per XRANGE while collecting missed packets. */
    static final int PAGE = 1000;
    /** At most this many XRANGE calls per restore (Node's bound), so a busy stream cannot hold it. */
    static final int MAX_PAGES = 100;

    private final StreamsAdapter adapter;
    private final long keepMillis;
    private final byte[] streamKey;

    StreamsRecovery(StreamsAdapter adapter, Duration keep) {
        this.adapter = adapter;
        this.keepMillis = Math.max(1, keep.toMillis());
        this.streamKey = RedisLink.bytes(adapter.stream);
    }

    private byte[] key(String pid) {
        return RedisLink.bytes(adapter.options.sessionKeyPrefix() + pid);
    }

    void persist(Session session) {
        adapter.link
                .command(
                        "keep a session",
                        c -> c.set(key(session.pid()), StreamsWire.session(session), SetArgs.Builder.px(keepMillis)))
                .whenComplete((ok, e) -> {
                    if (e != null) {
                        LOG.warn("the session of socket {} cannot be recovered: {}", session.sid(), e.getMessage());
                    }
                });
    }

    /** The session of {@code pid} with what it missed since {@code offset}; null when none. */
    CompletableFuture<RestoredSession> restore(String pid, String offset) {
        if (!OFFSET.matcher(offset).matches()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<byte[]> taken =
                adapter.link.command("give back a session", c -> c.eval(TAKE, ScriptOutputType.VALUE, key(pid)));
        CompletableFuture<List<StreamMessage<byte[], byte[]>>> known =
                adapter.link.command("find offset " + offset, c -> c.xrange(streamKey, Range.create(offset, offset)));
        return taken.thenCombine(known, (raw, at) -> {
                    if (raw == null || at.isEmpty()) {
                        return null;
                    }
                    try {
                        return StreamsWire.session(raw);
                    } catch (java.io.IOException e) {
                        // the pid stays out of the message: it is what a client presents to take the session
                        throw new IllegalStateException(
                                "a session kept in Redis at " + adapter.link.where() + " cannot be read: "
                                        + e.getMessage(),
                                e);
                    }
                })
                .thenCompose(session -> session == null
                        ? CompletableFuture.completedFuture(null)
                        : missed(session, offset, new ArrayList<>(), 0)
                                .thenApply(missed -> new RestoredSession(session, missed)));
    }

    private CompletableFuture<List<ArrayNode>> missed(Session session, String after, List<ArrayNode> out, int page) {
        if (page >= MAX_PAGES) {
            return CompletableFuture.completedFuture(out);
        }
        Range<String> range = Range.from(Range.Boundary.including(next(after)), Range.Boundary.unbounded());
        return adapter.link
                .command("read the stream", c -> c.xrange(streamKey, range, Limit.from(PAGE)))
                .thenCompose(entries -> {
                    String last = after;
                    for (StreamMessage<byte[], byte[]> entry : entries) {
                        last = entry.getId();
                        collect(session, entry, out);
                    }
                    return entries.size() < PAGE
                            ? CompletableFuture.completedFuture(out)
                            : missed(session, last, out, page + 1);
                });
    }

    private void collect(Session session, StreamMessage<byte[], byte[]> entry, List<ArrayNode> out) {
        StreamsWire.Message m;
        try {
            m = StreamsWire.fromFields(entry.getBody());
        } catch (java.io.IOException e) {
            return;
        }
        if (m == null
                || m.type() != ClusterTypes.BROADCAST
                || m.data() == null
                || !adapter.context.namespace().equals(m.nsp())) {
            return;
        }
        JsonNode data = m.data().path("packet").get("data");
        BroadcastOptions opts = Wire.options(m.data().get("opts"));
        if (data == null
                || !data.isArray()
                || opts.volatileOnly()
                || !reaches(opts, session.rooms())
                || m.data().has("requestId")) {
            return;
        }
        ArrayNode packet = ((ArrayNode) data).deepCopy();
        packet.add(entry.getId());
        out.add(packet);
    }

    /** Node's rule: to all or to one of the session's rooms, and to none of them excepted. */
    private static boolean reaches(BroadcastOptions opts, Set<String> rooms) {
        boolean included = opts.rooms().isEmpty() || rooms.stream().anyMatch(opts.rooms()::contains);
        return included && rooms.stream().noneMatch(opts.except()::contains);
    }

    /** The id right after {@code offset} (exclusive ranges need Redis 6.2). */
    static String next(String offset) {
        int dash = offset.indexOf('-');
        return offset.substring(0, dash) + "-" + (Long.parseUnsignedLong(offset.substring(dash + 1)) + 1);
    }
}
