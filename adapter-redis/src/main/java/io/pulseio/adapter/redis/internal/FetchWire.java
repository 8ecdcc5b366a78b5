package io.pulseio.adapter.redis.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.Json;
import io.pulseio.server.RemoteSocket;
import io.pulseio.server.SocketHandshake;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classic protocol's responses read and written as token streams, not trees: a response's
 * {@code requestId} read without reading the rest (every server hears every response on the
 * shared channel, most of them for another server), and fetchSockets responses — thousands of
 * sockets with their handshakes — read into and written from {@link RemoteSocket}s directly. The
 * JSON written is the one {@link Wire#socket(RemoteSocket)} trees give. Pure.
 */
final class FetchWire {
    /** Reads values inside a stream (of either format): the mapper's check for tokens after a value is off. */
    private static final ObjectReader JSON =
            Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final ObjectReader MSGPACK =
            Wire.MSGPACK.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private FetchWire() {}

    /**
     * The {@code requestId} of a response (JSON or MessagePack, as {@link Wire#read} tells them
     * apart); null when it has none or is not an object.
     *
     * @throws IOException when the message is neither
     */
    static String requestId(byte[] message) throws IOException {
        try (JsonParser p = parser(message)) {
            return requestId(p);
        } catch (RuntimeException e) { // what the MessagePack parser throws on bytes it cannot read
            throw new IOException("not MessagePack: " + e.getMessage(), e);
        }
    }

    private static String requestId(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("requestId".equals(name)) {
                return value == JsonToken.VALUE_STRING ? p.getText() : null;
            }
            p.skipChildren();
        }
        return null;
    }

    /**
     * The sockets of a fetchSockets response ({@code {requestId, sockets: [...]}}); null when it
     * holds no {@code sockets} array.
     */
    static List<RemoteSocket> sockets(byte[] message) throws IOException {
        try (JsonParser p = parser(message)) {
            return sockets(p);
        } catch (RuntimeException e) { // what the MessagePack parser throws on bytes it cannot read
            throw new IOException("not MessagePack: " + e.getMessage(), e);
        }
    }

    private static List<RemoteSocket> sockets(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("sockets".equals(name) && value == JsonToken.START_ARRAY) {
                List<RemoteSocket> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        out.add(socket(p));
                    } else {
                        p.skipChildren();
                    }
                }
                return out;
            }
            p.skipChildren();
        }
        return null;
    }

    /** {@code {requestId, sockets}} as JSON. */
    static byte[] response(String requestId, List<RemoteSocket> sockets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 512 * sockets.size());
        try (JsonGenerator g = Json.MAPPER.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("requestId", requestId);
            g.writeArrayFieldStart("sockets");
            for (RemoteSocket s : sockets) {
                write(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a fetchSockets response", e);
        }
        return bytes.toByteArray();
    }

    private static JsonParser parser(byte[] message) throws IOException {
        return message.length > 0 && message[0] == '{' ? JSON.createParser(message) : MSGPACK.createParser(message);
    }

    /** One socket, the parser at its START_OBJECT; leaves it at the matching END_OBJECT. */
    private static RemoteSocket socket(JsonParser p) throws IOException {
        String id = "";
        Set<String> rooms = Set.of();
        JsonNode data = Wire.F.nullNode();
        ObjectNode auth = null;
        Map<String, String> query = Map.of();
        Map<String, String> headers = Map.of();
        String address = "";
        boolean secure = false;
        long issued = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "id" -> id = value.isScalarValue() ? p.getValueAsString("") : skip(p, "");
                case "rooms" -> rooms = value == JsonToken.START_ARRAY ? rooms(p) : skip(p, Set.of());
                case "data" -> data = JSON.readTree(p);
                case "handshake" -> {
                    if (value != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        continue;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        switch (field) {
                            case "headers" -> headers = texts(p);
                            case "query" -> query = texts(p);
                            case "address" -> address = v.isScalarValue() ? p.getValueAsString("") : skip(p, "");
                            case "secure" -> secure = v.isScalarValue() ? p.getValueAsBoolean(false) : skip(p, false);
                            case "issued" -> issued = v.isScalarValue() ? p.getValueAsLong(0) : skip(p, 0L);
                            case "auth" -> {
                                JsonNode tree = JSON.readTree(p);
                                auth = tree instanceof ObjectNode o ? o : null;
                            }
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        SocketHandshake handshake = new SocketHandshake(
                auth == null ? Wire.F.objectNode() : auth,
                query,
                headers,
                address,
                secure,
                Instant.ofEpochMilli(issued));
        return new RemoteSocket(id, handshake, rooms, data == null ? Wire.F.nullNode() : data);
    }

    private static <T> T skip(JsonParser p, T value) throws IOException {
        p.skipChildren();
        return value;
    }

    /** An array's values as text (numbers as their text), the parser at its START_ARRAY. */
    private static Set<String> rooms(JsonParser p) throws IOException {
        Set<String> out = new HashSet<>(4);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken().isScalarValue()) {
                out.add(scalar(p));
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    /**
     * An object's values as text, as {@link Wire#socket(JsonNode)} reads them: arrays joined with
     * ", ", nulls left out; the parser at the value's first token.
     */
    private static Map<String, String> texts(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY) {
                StringBuilder joined = new StringBuilder();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String text = p.currentToken().isScalarValue() ? scalar(p) : skip(p, "");
                    joined.append(joined.length() == 0 ? "" : ", ").append(text);
                }
                out.put(key, joined.toString());
            } else if (v == JsonToken.START_OBJECT) {
                p.skipChildren();
                out.put(key, "");
            } else if (v != JsonToken.VALUE_NULL) {
                out.put(key, scalar(p));
            }
        }
        return out;
    }

    private static String scalar(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? "null" : p.getValueAsString("");
    }

    private static void write(JsonGenerator g, RemoteSocket socket) throws IOException {
        SocketHandshake h = socket.handshake();
        g.writeStartObject();
        g.writeStringField("id", socket.id());
        g.writeObjectFieldStart("handshake");
        g.writeObjectFieldStart("headers");
        for (Map.Entry<String, String> e : h.headers().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("time", h.issued().toString());
        g.writeStringField("address", h.address());
        g.writeBooleanField("xdomain", h.headers().containsKey("origin"));
        g.writeBooleanField("secure", h.secure());
        g.writeNumberField("issued", h.issued().toEpochMilli());
        g.writeStringField("url", "/socket.io/");
        g.writeObjectFieldStart("query");
        for (Map.Entry<String, String> e : h.query().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeFieldName("auth");
        g.writeTree(h.auth());
        g.writeEndObject();
        g.writeArrayFieldStart("rooms");
        for (String room : socket.rooms()) {
            g.writeString(room);
        }
        g.writeEndArray();
        g.writeFieldName("data");
        g.writeTree(socket.data());
        g.writeEndObject();
    }
}
