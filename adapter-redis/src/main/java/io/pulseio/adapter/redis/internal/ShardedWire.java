package io.pulseio.adapter.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * What the sharded classic adapter puts on its channels: one message {@code {uid, nsp, type, data}}
 * of socket.io-adapter's cluster protocol, as JSON text, or as MessagePack when its type may carry
 * binary and its data does (Node's {@code ShardedRedisAdapter.encode}). Read back as Node reads it:
 * JSON when it starts with <code>{</code>, else MessagePack. Pure.
 */
final class ShardedWire {
    private ShardedWire() {}

    static byte[] encode(StreamsWire.Message m) {
        ObjectNode out = Wire.F.objectNode();
        out.put("uid", m.uid());
        out.put("nsp", m.nsp());
        out.put("type", m.type());
        if (m.data() != null) {
            out.set("data", m.data());
        }
        return ClusterTypes.mayHoldBinary(m.type()) && m.data() != null && StreamsWire.hasBinary(m.data())
                ? Wire.msgpack(out)
                : Wire.json(out);
    }

    /**
     * A message read; null when it is not an object with a numeric type.
     *
     * @throws IOException when it is neither JSON nor MessagePack
     */
    static StreamsWire.Message decode(byte[] payload) throws IOException {
        JsonNode m = Wire.read(payload);
        if (!m.isObject()
                || !m.path("type").canConvertToInt()
                || !m.path("type").isNumber()) {
            return null;
        }
        JsonNode data = m.get("data");
        return new StreamsWire.Message(
                m.path("uid").asText(null),
                m.path("nsp").asText(""),
                m.path("type").asInt(),
                data == null || data.isNull() ? null : data);
    }
}
