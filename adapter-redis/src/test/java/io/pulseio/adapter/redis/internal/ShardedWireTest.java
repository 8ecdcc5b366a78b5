package io.pulseio.adapter.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The sharded classic adapter's messages, against what Node's adapter writes. */
class ShardedWireTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * {@code notepack.io}'s encoding (the library of Node's sharded adapter) of a broadcast to room
     * red whose packet holds a Buffer [1, 2, 255], uid 0123456789abcdef, namespace /.
     */
    private static final String NODE_BINARY_BROADCAST = "84a47479706503a46461746182a67061636b657483a47479706502a4"
            + "6461746192a362696ec4030102ffa36e7370a12fa46f70747383a5726f6f6d7391a3726564a665786365707490a5666c61"
            + "677380a3756964b030313233343536373839616263646566a36e7370a12f";

    /** {@code JSON.stringify} of a join to room blue, as Node's adapter sends it. */
    private static final String NODE_JOIN = "{\"type\":4,\"data\":{\"opts\":{\"rooms\":[],\"except\":[],\"flags\":{}},"
            + "\"rooms\":[\"blue\"]},\"uid\":\"0123456789abcdef\",\"nsp\":\"/\"}";

    @Test
    void nodesMessagesAreReadInBothEncodings() throws IOException {
        StreamsWire.Message broadcast = ShardedWire.decode(HexFormat.of().parseHex(NODE_BINARY_BROADCAST));
        assertThat(broadcast.uid()).isEqualTo("0123456789abcdef");
        assertThat(broadcast.nsp()).isEqualTo("/");
        assertThat(broadcast.type()).isEqualTo(ClusterTypes.BROADCAST);
        JsonNode data = broadcast.data().path("packet").path("data");
        assertThat(data.get(0).asText()).isEqualTo("bin");
        assertThat(data.get(1).binaryValue()).containsExactly(1, 2, 255);
        assertThat(broadcast.data().path("opts").path("rooms").get(0).asText()).isEqualTo("red");

        StreamsWire.Message join = ShardedWire.decode(NODE_JOIN.getBytes(StandardCharsets.UTF_8));
        assertThat(join.type()).isEqualTo(ClusterTypes.SOCKETS_JOIN);
        assertThat(join.data().path("rooms").get(0).asText()).isEqualTo("blue");
    }

    @Test
    void jsonUnlessATypeThatMayCarryBinaryDoes() throws IOException {
        ObjectNode plain = F.objectNode();
        plain.putObject("packet").putArray("data").add("ev").add(1);
        byte[] json = ShardedWire.encode(new StreamsWire.Message("u", "/", ClusterTypes.BROADCAST, plain));
        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"uid\":\"u\",\"nsp\":\"/\",\"type\":3,\"data\":{\"packet\":{\"data\":[\"ev\",1]}}}");

        ObjectNode binary = F.objectNode();
        binary.putObject("packet").putArray("data").add("ev").add(new byte[] {9});
        byte[] packed = ShardedWire.encode(new StreamsWire.Message("u", "/", ClusterTypes.BROADCAST_ACK, binary));
        assertThat(packed[0]).isNotEqualTo((byte) '{');
        StreamsWire.Message back = ShardedWire.decode(packed);
        assertThat(back).isEqualTo(new StreamsWire.Message("u", "/", ClusterTypes.BROADCAST_ACK, binary));

        // a join carries no binary in Node's protocol: JSON whatever it holds, as Node sends it
        byte[] join = ShardedWire.encode(new StreamsWire.Message("u", "/", ClusterTypes.SOCKETS_JOIN, binary));
        assertThat(join[0]).isEqualTo((byte) '{');
    }

    @Test
    void whatIsNotAMessageIsNullOrAnError() throws IOException {
        assertThat(ShardedWire.decode("[1,2]".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(ShardedWire.decode("{\"type\":\"3\"}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(ShardedWire.decode("{\"uid\":\"u\"}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThatThrownBy(() -> ShardedWire.decode("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
