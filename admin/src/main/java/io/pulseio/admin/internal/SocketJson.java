package io.pulseio.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.server.RemoteSocket;
import io.pulseio.server.ServerSocket;
import io.pulseio.server.SocketHandshake;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A socket as the Admin UI reads it: {@code {id, clientId, transport, nsp, data, handshake,
 * rooms}}. The connection id and transport travel in the socket's data under {@value #ADMIN_KEY}
 * (as the official instrument keeps them, so that sockets fetched from other servers of a
 * cluster carry them too); {@code data} shows the rest. The handshake's auth is left out.
 */
final class SocketJson {
    static final String ADMIN_KEY = "_admin";
    /** How much of the connection id the UI sees (all of it would let it poll the session). */
    static final int CLIENT_ID_LENGTH = 12;

    private static final DateTimeFormatter JS_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'xx", Locale.ROOT);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SocketJson() {}

    /** What the instrument keeps in a socket's data under {@value #ADMIN_KEY}. */
    static ObjectNode adminData(ServerSocket socket) {
        String connection = socket.connectionId();
        return JSON.objectNode()
                .put("clientId", connection.substring(0, Math.min(CLIENT_ID_LENGTH, connection.length())))
                .put("transport", socket.transport().wireName());
    }

    static ObjectNode of(ServerSocket socket) {
        ObjectNode data = JSON.objectNode();
        socket.data().forEach(data::set);
        return of(socket.namespace().name(), socket.id(), socket.handshake(), socket.rooms(), data);
    }

    static ObjectNode of(String nsp, RemoteSocket socket) {
        return of(nsp, socket.id(), socket.handshake(), socket.rooms(), socket.data());
    }

    private static ObjectNode of(String nsp, String id, SocketHandshake handshake, Set<String> rooms, JsonNode data) {
        ObjectNode out = JSON.objectNode();
        out.put("id", id);
        JsonNode admin = data == null ? null : data.get(ADMIN_KEY);
        out.put(
                "clientId",
                admin != null && admin.hasNonNull("clientId")
                        ? admin.get("clientId").asText()
                        : id);
        if (admin != null && admin.hasNonNull("transport")) {
            out.put("transport", admin.get("transport").asText());
        }
        out.put("nsp", nsp);
        ObjectNode shown = out.putObject("data");
        if (data != null && data.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals(ADMIN_KEY)) {
                    shown.set(field.getKey(), field.getValue());
                }
            }
        }
        out.set("handshake", handshake(handshake));
        rooms.forEach(out.putArray("rooms")::add);
        return out;
    }

    private static ObjectNode handshake(SocketHandshake hs) {
        ObjectNode out = JSON.objectNode();
        Map<String, String> headers = hs.headers();
        String address = headers.get("cf-connecting-ip");
        if (address == null) {
            address = headers.get("x-forwarded-for");
        }
        out.put("address", address != null ? address : hostOf(hs.address()));
        ObjectNode h = out.putObject("headers");
        headers.forEach(h::put);
        ObjectNode q = out.putObject("query");
        hs.query().forEach(q::put);
        out.put("issued", hs.issued().toEpochMilli());
        out.put("secure", hs.secure());
        out.put("time", JS_DATE.format(hs.issued().atZone(ZoneId.systemDefault())));
        out.put("xdomain", headers.containsKey("origin"));
        return out;
    }

    /** {@code host} of {@code host:port}, {@code ::1} of {@code [::1]:port}. */
    static String hostOf(String address) {
        if (address == null) {
            return null;
        }
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end > 0 ? address.substring(1, end) : address;
        }
        int colon = address.lastIndexOf(':');
        return colon > 0 && address.indexOf(':') == colon ? address.substring(0, colon) : address;
    }
}
