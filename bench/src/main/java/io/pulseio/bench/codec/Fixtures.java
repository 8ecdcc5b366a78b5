package io.pulseio.bench.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pulseio.protocol.SocketPacket;

/** The packets the codec benchmarks encode and decode, shaped like the load tests' traffic. */
final class Fixtures {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The 64-byte string the load tests send. */
    static final String PAYLOAD_64 = "x".repeat(64);

    /** The ack id of the acked packets. */
    static final long ACK_ID = 1234;

    private Fixtures() {}

    /** {@code ["count","xxxx…"]}: the event of the emit scenarios. */
    static SocketPacket event() {
        ArrayNode args = NODES.arrayNode().add("count").add(PAYLOAD_64);
        return SocketPacket.event(SocketPacket.ROOT, args, SocketPacket.NO_ACK);
    }

    /** The answer to an acked event: one 64-byte string. */
    static SocketPacket ack() {
        return SocketPacket.ack(SocketPacket.ROOT, ACK_ID, NODES.arrayNode().add(PAYLOAD_64));
    }

    /** {@code ["upload", {"name": "chunk", "data": <1 KiB>}]}: one attachment inside an object. */
    static SocketPacket binaryEvent() {
        byte[] kib = new byte[1024];
        for (int i = 0; i < kib.length; i++) {
            kib[i] = (byte) (i * 31);
        }
        ArrayNode args = NODES.arrayNode().add("upload");
        args.addObject().put("name", "chunk").set("data", BinaryNode.valueOf(kib));
        return SocketPacket.event(SocketPacket.ROOT, args, SocketPacket.NO_ACK);
    }
}
