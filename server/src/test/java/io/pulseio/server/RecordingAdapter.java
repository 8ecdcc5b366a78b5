package io.pulseio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.protocol.SocketPacketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * An adapter written against the public API alone: rooms in two plain maps under one lock,
 * delivery through the {@link Adapter.Context}, recovery offsets of its own ({@code rec-N}), and
 * every call the server makes written down.
 */
class RecordingAdapter implements Adapter {
    final Context context;
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Set<String>> roomsBySocket = new HashMap<>();
    private final Map<String, Set<String>> socketsByRoom = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, Session> sessions = new HashMap<>();

    private record Sent(BroadcastOptions options, ArrayNode data) {}

    RecordingAdapter(Context context) {
        this.context = context;
    }

    /** Whether a call starting with {@code prefix} was made, waiting up to 5 seconds for it. */
    boolean awaitCall(String prefix) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (calls.stream().anyMatch(c -> c.startsWith(prefix))) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public synchronized void addAll(String socketId, Set<String> rooms) {
        calls.add("addAll " + socketId + " " + new TreeSet<>(rooms));
        roomsBySocket.computeIfAbsent(socketId, k -> new HashSet<>()).addAll(rooms);
        for (String room : rooms) {
            socketsByRoom.computeIfAbsent(room, k -> new HashSet<>()).add(socketId);
        }
    }

    @Override
    public synchronized void del(String socketId, String room) {
        calls.add("del " + socketId + " " + room);
        Set<String> rooms = roomsBySocket.get(socketId);
        if (rooms != null) {
            rooms.remove(room);
        }
        Set<String> members = socketsByRoom.get(room);
        if (members != null) {
            members.remove(socketId);
        }
    }

    @Override
    public synchronized void delAll(String socketId) {
        calls.add("delAll " + socketId);
        Set<String> rooms = roomsBySocket.remove(socketId);
        for (String room : rooms == null ? Set.<String>of() : rooms) {
            socketsByRoom.get(room).remove(socketId);
        }
    }

    @Override
    public synchronized Set<String> socketRooms(String socketId) {
        return Set.copyOf(roomsBySocket.getOrDefault(socketId, Set.of()));
    }

    @Override
    public synchronized Set<String> sockets(Set<String> rooms) {
        if (rooms.isEmpty()) {
            return Set.copyOf(roomsBySocket.keySet());
        }
        Set<String> out = new HashSet<>();
        for (String room : rooms) {
            out.addAll(socketsByRoom.getOrDefault(room, Set.of()));
        }
        return out;
    }

    @Override
    public synchronized Set<String> targets(BroadcastOptions options) {
        Set<String> out = new LinkedHashSet<>(sockets(options.rooms()));
        if (!options.except().isEmpty()) {
            out.removeAll(sockets(options.except()));
        }
        return out;
    }

    @Override
    public void broadcast(SocketPacket packet, BroadcastOptions options) {
        calls.add("broadcast " + describe(options) + " " + packet.data());
        SocketPacket toSend = packet;
        if (context.connectionStateRecovery().isPresent()
                && packet.type() == SocketPacketType.EVENT
                && !packet.hasAckId()
                && !options.volatileOnly()) {
            ArrayNode data = ((ArrayNode) packet.data()).deepCopy();
            data.add("rec-" + sent.size());
            synchronized (this) {
                sent.add(new Sent(options, data));
            }
            toSend = new SocketPacket(packet.type(), packet.namespace(), packet.ackId(), data);
        }
        context.send(toSend, new ArrayList<>(targets(options)), options.volatileOnly());
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> rooms) {
        calls.add("addSockets " + describe(options) + " " + new TreeSet<>(rooms));
        for (String id : targets(options)) {
            addAll(id, rooms);
        }
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> rooms) {
        calls.add("delSockets " + describe(options) + " " + new TreeSet<>(rooms));
        for (String id : targets(options)) {
            rooms.forEach(room -> del(id, room));
        }
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        calls.add("disconnectSockets " + describe(options) + (close ? " close" : ""));
        context.disconnect(targets(options), close);
    }

    @Override
    public CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions options) {
        calls.add("fetchSockets " + describe(options));
        return CompletableFuture.completedFuture(context.describe(targets(options)));
    }

    @Override
    public void serverSideEmit(List<JsonNode> packet) {
        calls.add("serverSideEmit " + packet);
    }

    @Override
    public CompletableFuture<List<JsonNode>> serverSideEmitWithAck(List<JsonNode> packet, Duration timeout) {
        calls.add("serverSideEmitWithAck " + packet);
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<Integer> serverCount() {
        return CompletableFuture.completedFuture(1);
    }

    @Override
    public synchronized void persistSession(Session session) {
        calls.add("persistSession " + session.sid());
        sessions.put(session.pid(), session);
    }

    /** Replays what came after the offset, that the session's rooms reach. */
    @Override
    public synchronized CompletableFuture<RestoredSession> restoreSession(String pid, String offset) {
        calls.add("restoreSession " + offset);
        Session session = sessions.remove(pid);
        int from = offset.startsWith("rec-") ? Integer.parseInt(offset.substring(4)) + 1 : -1;
        if (session == null || from <= 0 || from > sent.size()) {
            return CompletableFuture.completedFuture(null);
        }
        List<ArrayNode> missed = new ArrayList<>();
        for (Sent s : sent.subList(from, sent.size())) {
            boolean reached = s.options().rooms().isEmpty()
                    || s.options().rooms().stream().anyMatch(session.rooms()::contains);
            if (reached && s.options().except().stream().noneMatch(session.rooms()::contains)) {
                missed.add(s.data());
            }
        }
        return CompletableFuture.completedFuture(new RestoredSession(session, missed));
    }

    @Override
    public void broadcastWithAck(
            SocketPacket packet,
            BroadcastOptions options,
            Duration timeout,
            IntConsumer clientCount,
            Consumer<AckReply> reply) {
        calls.add("broadcastWithAck " + describe(options) + " " + packet.data());
        clientCount.accept(context.sendWithAck(packet, targets(options), timeout, reply));
    }

    @Override
    public void close() {
        calls.add("close");
    }

    private static String describe(BroadcastOptions options) {
        return "to" + new TreeSet<>(options.rooms()) + " except" + new TreeSet<>(options.except())
                + (options.volatileOnly() ? " volatile" : "") + (options.local() ? " local" : "");
    }
}
