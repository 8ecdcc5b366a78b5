package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pulseio.server.Adapter.BroadcastOptions;
import io.pulseio.server.Adapter.RestoredSession;
import io.pulseio.server.Adapter.Session;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Connection state recovery in memory, for the in-memory adapter: the events that may be replayed
 * (with their offsets) and the state of recently disconnected sockets, both kept for
 * {@code maxDisconnectionDuration}. Thread-safe.
 */
final class RecoveryStore {
    private record Kept(Session session, long disconnectedAt) {}

    private record Stored(String offset, long at, BroadcastOptions options, ArrayNode data) {}

    private final long maxAgeMillis;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Kept> sessions = new ConcurrentHashMap<>();
    private final ArrayDeque<Stored> packets = new ArrayDeque<>();
    private final String prefix;
    private long sequence;

    RecoveryStore(long maxAgeMillis, LongSupplier clock, String prefix) {
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
        this.prefix = prefix;
    }

    /** A new offset, to append to an event before {@link #store storing} it. */
    synchronized String nextOffset() {
        return prefix + Long.toString(++sequence, 36);
    }

    synchronized void store(String offset, BroadcastOptions options, ArrayNode data) {
        long now = clock.getAsLong();
        prune(now);
        packets.add(new Stored(offset, now, options, data));
    }

    void persist(Session session) {
        long now = clock.getAsLong();
        sessions.values().removeIf(s -> now - s.disconnectedAt() > maxAgeMillis);
        sessions.put(session.pid(), new Kept(session, now));
    }

    /** The state of the socket {@code pid}, with the events sent after {@code offset}; or null. */
    synchronized RestoredSession restore(String pid, String offset) {
        Kept kept = sessions.remove(pid);
        long now = clock.getAsLong();
        if (kept == null || now - kept.disconnectedAt() > maxAgeMillis) {
            return null;
        }
        Session session = kept.session();
        prune(now);
        List<ArrayNode> missed = new ArrayList<>();
        boolean found = false;
        for (Stored p : packets) {
            if (found) {
                if (reaches(p.options(), session.rooms())) {
                    missed.add(p.data());
                }
            } else if (p.offset().equals(offset)) {
                found = true;
            }
        }
        if (!found) {
            return null;
        }
        return new RestoredSession(session, missed);
    }

    private static boolean reaches(BroadcastOptions options, Set<String> rooms) {
        boolean included = options.rooms().isEmpty();
        for (String room : rooms) {
            if (options.except().contains(room)) {
                return false;
            }
            included |= options.rooms().contains(room);
        }
        return included;
    }

    private void prune(long now) {
        for (Iterator<Stored> it = packets.iterator(); it.hasNext(); ) {
            if (now - it.next().at() > maxAgeMillis) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
