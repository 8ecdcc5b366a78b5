package io.pulseio.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.adapter.redis.internal.EmitterLink;
import io.pulseio.adapter.redis.internal.RedisUrls;
import io.pulseio.adapter.redis.internal.Wire;
import io.pulseio.protocol.Json;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes to a Socket.IO cluster over Redis from any JVM program, without running a server, in
 * the format of the Node.js {@code @socket.io/redis-emitter} 5.x: the servers of the cluster
 * (pulseio or Node.js, classic {@code @socket.io/redis-adapter}) deliver what it emits to their
 * clients, and apply the room changes and disconnections it asks for.
 *
 * <pre>{@code
 * try (RedisEmitter emitter = RedisEmitter.create("redis://127.0.0.1:6379")) {
 *   emitter.emit("news", "hello");                              // every client of /
 *   emitter.of("/chat").to("room1").except("muted").emit("message", Map.of("text", "hi"));
 *   emitter.to("vip").socketsJoin("gold");
 *   emitter.serverSideEmit("reload");                           // the servers' own listeners
 * }
 * }</pre>
 *
 * <p>Arguments are anything Jackson turns into a tree ({@code JsonNode}, maps, lists, records,
 * strings, numbers, booleans, null); a {@code byte[]} travels as binary. Each method returns once
 * the message is handed to the connection and its future completes when Redis took it (with the
 * number of servers' connections that received it), or fails when Redis is unavailable: nothing
 * is stored for later, as with Node's emitter. The connection opens in the background on
 * creation and again on the next call after it failed. Thread-safe; the operators are immutable
 * and may be kept and reused.
 */
public final class RedisEmitter implements AutoCloseable {
    private static final Set<String> RESERVED =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");
    private final EmitterLink link;
    private final String key;
    private final Operator root;

    private RedisEmitter(EmitterLink link, String key) {
        this.link = link;
        this.key = key;
        this.root = new Operator(this, "/", Set.of(), Set.of(), false);
    }

    /** An emitter with Node's default key ({@code socket.io}). */
    public static RedisEmitter create(String redisUri) {
        return create(redisUri, null, "socket.io");
    }

    /**
     * @param redisUri such as {@code redis://127.0.0.1:6379} ({@code rediss://} for TLS)
     * @param password null for the URL's own (or none)
     * @param key the servers' channel prefix (Node's {@code key}), {@code socket.io} by default
     * @throws IllegalArgumentException for a URI that is not a Redis URI or an empty key
     */
    public static RedisEmitter create(String redisUri, String password, String key) {
        Objects.requireNonNull(redisUri, "redisUri");
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        return new RedisEmitter(new EmitterLink(RedisUrls.parse(redisUri, password)), key);
    }

    /** The namespace {@code name} ({@code chat} and {@code /chat} are the same). */
    public Operator of(String name) {
        Objects.requireNonNull(name, "name");
        return new Operator(this, name.startsWith("/") ? name : "/" + name, Set.of(), Set.of(), false);
    }

    /** The clients of {@code /} in any of these rooms. */
    public Operator to(String... rooms) {
        return root.to(rooms);
    }

    /** The clients of {@code /} that are in none of these rooms. */
    public Operator except(String... rooms) {
        return root.except(rooms);
    }

    /** Emits to every client of {@code /}. */
    public CompletableFuture<Long> emit(String event, Object... args) {
        return root.emit(event, args);
    }

    /** Sends an event to the servers' server-side listeners of {@code /} (no acks, as in Node). */
    public CompletableFuture<Long> serverSideEmit(String event, Object... args) {
        return root.serverSideEmit(event, args);
    }

    /** Makes every socket of {@code /} join these rooms. */
    public CompletableFuture<Long> socketsJoin(String... rooms) {
        return root.socketsJoin(rooms);
    }

    /** Makes every socket of {@code /} leave these rooms. */
    public CompletableFuture<Long> socketsLeave(String... rooms) {
        return root.socketsLeave(rooms);
    }

    /** Disconnects every socket of {@code /}; {@code close} also closes their connections. */
    public CompletableFuture<Long> disconnectSockets(boolean close) {
        return root.disconnectSockets(close);
    }

    /** Closes the connection to Redis. */
    @Override
    public void close() {
        link.close();
    }

    /**
     * The clients of one namespace that an emit reaches: in any of {@link #to} rooms (all when
     * none), minus those in any {@link #except} room. Immutable.
     */
    public static final class Operator {
        private final RedisEmitter emitter;
        private final String nsp;
        private final Set<String> rooms;
        private final Set<String> except;
        private final boolean volatileOnly;

        private Operator(
                RedisEmitter emitter, String nsp, Set<String> rooms, Set<String> except, boolean volatileOnly) {
            this.emitter = emitter;
            this.nsp = nsp;
            this.rooms = rooms;
            this.except = except;
            this.volatileOnly = volatileOnly;
        }

        /** Also the clients in these rooms. */
        public Operator to(String... more) {
            return new Operator(emitter, nsp, plus(rooms, more), except, volatileOnly);
        }

        /** Not the clients in these rooms. */
        public Operator except(String... more) {
            return new Operator(emitter, nsp, rooms, plus(except, more), volatileOnly);
        }

        /** Clients that cannot take the event right away do not get it. */
        public Operator volatileOnly() {
            return new Operator(emitter, nsp, rooms, except, true);
        }

        /**
         * Emits an event to the selected clients of every server.
         *
         * @throws IllegalArgumentException for a reserved event name ({@code connect},
         *     {@code disconnect}, ...) or an argument Jackson cannot convert
         */
        public CompletableFuture<Long> emit(String event, Object... args) {
            Objects.requireNonNull(event, "event");
            if (RESERVED.contains(event)) {
                throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
            }
            ObjectNode packet = Wire.F.objectNode();
            packet.put("type", 2);
            packet.set("data", data(event, args));
            packet.put("nsp", nsp);
            ObjectNode opts = selection();
            ObjectNode flags = opts.putObject("flags");
            if (volatileOnly) {
                flags.put("volatile", true);
            }
            ArrayNode msg = Wire.F.arrayNode().add("emitter").add(packet).add(opts);
            String channel = emitter.key + "#" + nsp + "#"
                    + (rooms.size() == 1 ? rooms.iterator().next() + "#" : "");
            return emitter.link.publish(channel, Wire.msgpack(msg));
        }

        /** Makes the selected sockets of every server join these rooms. */
        public CompletableFuture<Long> socketsJoin(String... joined) {
            return request(2, "rooms", Wire.array(Arrays.asList(joined)));
        }

        /** Makes the selected sockets of every server leave these rooms. */
        public CompletableFuture<Long> socketsLeave(String... left) {
            return request(3, "rooms", Wire.array(Arrays.asList(left)));
        }

        /** Disconnects the selected sockets of every server; {@code close} closes their connections. */
        public CompletableFuture<Long> disconnectSockets(boolean close) {
            return request(4, "close", Wire.F.booleanNode(close));
        }

        /** Sends an event to every server's server-side listeners of this namespace (no acks). */
        public CompletableFuture<Long> serverSideEmit(String event, Object... args) {
            Objects.requireNonNull(event, "event");
            ObjectNode r = Wire.F.objectNode();
            r.put("uid", "emitter");
            r.put("type", 6);
            r.set("data", data(event, args));
            return emitter.link.publish(requestChannel(), Wire.json(r));
        }

        private CompletableFuture<Long> request(int type, String field, JsonNode value) {
            ObjectNode r = Wire.F.objectNode();
            r.put("type", type);
            r.set("opts", selection());
            r.set(field, value);
            return emitter.link.publish(requestChannel(), Wire.json(r));
        }

        private String requestChannel() {
            return emitter.key + "-request#" + nsp + "#";
        }

        private ObjectNode selection() {
            ObjectNode opts = Wire.F.objectNode();
            opts.set("rooms", Wire.array(rooms));
            opts.set("except", Wire.array(except));
            return opts;
        }

        private static ArrayNode data(String event, Object... args) {
            ArrayNode data = Wire.F.arrayNode().add(event);
            for (Object arg : args) {
                try {
                    data.add(arg instanceof JsonNode node ? node : Json.MAPPER.valueToTree(arg));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("cannot send argument " + arg + ": " + e.getMessage(), e);
                }
            }
            return data;
        }

        private static Set<String> plus(Set<String> base, String... more) {
            Set<String> out = new LinkedHashSet<>(base);
            out.addAll(List.of(more));
            return Set.copyOf(out);
        }
    }
}
