package io.pulseio.protocol;

import static io.pulseio.protocol.Wire.array;
import static io.pulseio.protocol.Wire.decodeAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binary events and acks: placeholders, attachments, reassembly. */
class SocketBinaryTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] ONE = {1, 2, 3};
    private static final byte[] TWO = {(byte) 0xca, (byte) 0xfe};
    private static final byte[] THREE = new byte[0];

    @Test
    void aBinaryEventFromTheProtocolDocumentDecodesWithItsAttachment() throws Exception {
        SocketDecoder decoder = new SocketDecoder();
        assertThat(decoder.decode("51-[\"hello\",{\"_placeholder\":true,\"num\":0}]"))
                .isNull();
        assertThat(decoder.awaitingAttachments()).isTrue();

        SocketPacket packet = decoder.decodeBinary(ONE);
        assertThat(decoder.awaitingAttachments()).isFalse();
        assertThat(packet.type()).isEqualTo(SocketPacketType.BINARY_EVENT);
        assertThat(packet.eventName()).isEqualTo("hello");
        assertThat(packet.data().get(1).binaryValue()).containsExactly(ONE);
    }

    @Test
    void anEventWithBinaryIsEncodedAsABinaryEventWithPlaceholders() throws Exception {
        ArrayNode args = NODES.arrayNode().add("hello").add(BinaryNode.valueOf(ONE));
        EncodedPacket encoded = SocketEncoder.encode(SocketPacket.event("/", args, SocketPacket.NO_ACK));
        assertThat(encoded.text()).isEqualTo("51-[\"hello\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(encoded.attachments()).containsExactly(ONE);
    }

    @Test
    void aBinaryAckWithNamespaceAndIdIsEncodedAsTheProtocolSays() throws Exception {
        ArrayNode args = NODES.arrayNode().add(BinaryNode.valueOf(ONE));
        EncodedPacket encoded = SocketEncoder.encode(SocketPacket.ack("/admin", 456, args));
        assertThat(encoded.text()).isEqualTo("61-/admin,456[{\"_placeholder\":true,\"num\":0}]");
        SocketPacket decoded = decodeAll(encoded);
        assertThat(decoded).isEqualTo(new SocketPacket(SocketPacketType.BINARY_ACK, "/admin", 456, args));
    }

    @Test
    void severalBuffersNestedInObjectsAndArraysSurviveARoundTripInOrder() throws Exception {
        ObjectNode file = NODES.objectNode();
        file.put("name", "a.bin");
        file.set(
                "chunks",
                NODES.arrayNode()
                        .add(BinaryNode.valueOf(TWO))
                        .add(NODES.objectNode()
                                .set(
                                        "deep",
                                        NODES.arrayNode().add(NODES.arrayNode().add(BinaryNode.valueOf(THREE))))));
        ArrayNode args = NODES.arrayNode()
                .add("upload")
                .add(BinaryNode.valueOf(ONE))
                .add(file)
                .add(42);
        SocketPacket packet = SocketPacket.event("/files", args, 7);

        EncodedPacket encoded = SocketEncoder.encode(packet);
        assertThat(encoded.text())
                .isEqualTo("53-/files,7[\"upload\",{\"_placeholder\":true,\"num\":0},"
                        + "{\"name\":\"a.bin\",\"chunks\":[{\"_placeholder\":true,\"num\":1},"
                        + "{\"deep\":[[{\"_placeholder\":true,\"num\":2}]]}]},42]");
        assertThat(encoded.attachments()).containsExactly(ONE, TWO, THREE);

        SocketPacket decoded = decodeAll(encoded);
        assertThat(decoded.type()).isEqualTo(SocketPacketType.BINARY_EVENT);
        assertThat(decoded.namespace()).isEqualTo("/files");
        assertThat(decoded.ackId()).isEqualTo(7);
        assertThat(decoded.data()).isEqualTo(args);
    }

    @Test
    void encodingNeverChangesThePacketsOwnTree() throws Exception {
        ArrayNode args = NODES.arrayNode().add("x").add(NODES.objectNode().set("b", BinaryNode.valueOf(ONE)));
        ArrayNode before = args.deepCopy();
        SocketEncoder.encode(SocketPacket.event("/", args, 1));
        assertThat(args).isEqualTo(before);
    }

    @Test
    void attachmentsMayBeReferencedInAnyOrderAndMoreThanOnce() throws Exception {
        SocketPacket packet = decodeAll(
                new SocketDecoder(),
                "52-[\"swap\",{\"_placeholder\":true,\"num\":1},{\"_placeholder\":true,\"num\":0},"
                        + "{\"_placeholder\":true,\"num\":1}]",
                List.of(ONE, TWO));
        assertThat(packet.data().get(1).binaryValue()).isEqualTo(TWO);
        assertThat(packet.data().get(2).binaryValue()).isEqualTo(ONE);
        assertThat(packet.data().get(3).binaryValue()).isEqualTo(TWO);
    }

    @Test
    void aBinaryEventWithZeroAttachmentsIsFinishedAtOnce() throws Exception {
        SocketDecoder decoder = new SocketDecoder();
        SocketPacket packet = decoder.decode("50-[\"hello\",{\"plain\":true}]");
        assertThat(packet)
                .isEqualTo(new SocketPacket(
                        SocketPacketType.BINARY_EVENT,
                        "/",
                        SocketPacket.NO_ACK,
                        array("[\"hello\",{\"plain\":true}]")));
        assertThat(decoder.awaitingAttachments()).isFalse();
    }

    @Test
    void aBinaryAckWithZeroAttachmentsIsFinishedAtOnce() throws Exception {
        SocketPacket packet = new SocketDecoder().decode("60-/admin,3[]");
        assertThat(packet).isEqualTo(new SocketPacket(SocketPacketType.BINARY_ACK, "/admin", 3, array("[]")));
    }

    @Test
    void aPlaceholderInAPlainEventIsLeftAsJson() throws Exception {
        SocketPacket packet = new SocketDecoder().decode("2[\"x\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(packet.data().get(1).isObject()).isTrue();
    }

    @Test
    void anObjectWhosePlaceholderFlagIsNotTrueIsNoPlaceholder() throws Exception {
        SocketPacket packet = decodeAll(
                new SocketDecoder(),
                "51-[\"x\",{\"_placeholder\":false,\"num\":0},{\"_placeholder\":\"true\",\"num\":0},"
                        + "{\"_placeholder\":true,\"num\":0}]",
                List.of(ONE));
        assertThat(packet.data().get(1).isObject()).isTrue();
        assertThat(packet.data().get(2).isObject()).isTrue();
        assertThat(packet.data().get(3).isBinary()).isTrue();
    }

    @Test
    void theDecoderGoesOnWithTheNextPacketAfterABinaryOne() throws Exception {
        SocketDecoder decoder = new SocketDecoder();
        decodeAll(decoder, "51-[\"a\",{\"_placeholder\":true,\"num\":0}]", List.of(ONE));
        assertThat(decoder.decode("2[\"b\"]").eventName()).isEqualTo("b");
        SocketPacket again = decodeAll(decoder, "61-9[{\"_placeholder\":true,\"num\":0}]", List.of(TWO));
        assertThat(again.ackId()).isEqualTo(9);
    }

    @Test
    void theAttachmentBoundCanBeRaisedOrLowered() throws Exception {
        String three = "53-[\"x\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1},"
                + "{\"_placeholder\":true,\"num\":2}]";
        assertThat(decodeAll(new SocketDecoder(3), three, List.of(ONE, TWO, THREE))
                        .data()
                        .size())
                .isEqualTo(4);
        assertThat(new SocketDecoder(0).decode("50-[\"x\"]")).isNotNull();
    }
}
