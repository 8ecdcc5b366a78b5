package io.pulseio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way the Socket.IO decoder rejects input, each with its reason. */
class SocketDecoderMalformedTest {
    private static final String ONE_PLACEHOLDER = "51-[\"x\",{\"_placeholder\":true,\"num\":0}]";

    private final SocketDecoder decoder = new SocketDecoder();

    private AbstractThrowableAssert<?, ? extends Throwable> decoding(String text) {
        return assertThatThrownBy(() -> decoder.decode(text)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void anEmptyPacketIsRejected() {
        decoding("").hasMessage("empty Socket.IO packet");
        decoding(null).hasMessage("empty Socket.IO packet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "8[\"x\"]", "9", "a", "/admin,0", " 2[\"x\"]", "[\"x\"]"})
    void anUnknownPacketTypeIsRejected(String text) {
        decoding(text).hasMessage("unknown Socket.IO packet type '" + text.charAt(0) + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5[\"x\"]", "5-[\"x\"]", "6", "51234567890-[\"x\"]", "5", "6-1[]"})
    void aBinaryPacketWithoutAnAttachmentCountIsRejected(String text) {
        decoding(text).hasMessage("illegal attachment count in binary packet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5x-[\"x\"]", "51a-[\"x\"]", "5/admin,1-[\"x\"]", "5[\"a-b\"]", "6 1-1[]"})
    void aBinaryPacketWhoseAttachmentCountIsNoNumberIsRejected(String text) {
        decoding(text).hasMessage("illegal attachment count in binary packet");
    }

    @Test
    void aBinaryPacketAnnouncingMoreAttachmentsThanTheBoundIsRejected() {
        decoding("565-[\"x\"]").hasMessage("too many attachments: 65 (limit 64)");
        decoding("6999999999-1[]").hasMessage("too many attachments: 999999999 (limit 64)");
        assertThatThrownBy(() -> new SocketDecoder(1).decode("52-[\"x\"]"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("too many attachments: 2 (limit 1)");
    }

    @Test
    void aNegativeAttachmentBoundIsAProgrammingError() {
        assertThatThrownBy(() -> new SocketDecoder(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttachments must be >= 0");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"_placeholder\":true,\"num\":1}",
                "{\"_placeholder\":true,\"num\":-1}",
                "{\"_placeholder\":true,\"num\":\"0\"}",
                "{\"_placeholder\":true,\"num\":0.5}",
                "{\"_placeholder\":true,\"num\":4294967296}",
                "{\"_placeholder\":true,\"num\":null}",
                "{\"_placeholder\":true}"
            })
    void aPlaceholderThatNamesNoAttachmentIsRejected(String placeholder) {
        assertThat(decoder.decode("51-[\"x\"," + placeholder + "]")).isNull();
        assertThatThrownBy(() -> decoder.decodeBinary(new byte[] {1}))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("illegal attachment placeholder {\"_placeholder\":true");
        assertThat(decoder.awaitingAttachments()).isFalse();
    }

    @Test
    void aPlaceholderInABinaryPacketWithoutAttachmentsIsRejected() {
        decoding("50-[\"x\",{\"_placeholder\":true,\"num\":0}]")
                .hasMessage("illegal attachment placeholder {\"_placeholder\":true,\"num\":0}");
    }

    @Test
    void aTextPacketWhileAttachmentsAreAwaitedIsRejectedAndForgetsTheBinaryPacket() {
        assertThat(decoder.decode(ONE_PLACEHOLDER)).isNull();
        decoding("2[\"y\"]").hasMessage("text packet received while a binary packet waits for its attachments");
        assertThat(decoder.awaitingAttachments()).isFalse();
        assertThat(decoder.decode("2[\"y\"]").eventName()).isEqualTo("y");
    }

    @Test
    void binaryDataWithNoBinaryPacketWaitingIsRejected() {
        assertThatThrownBy(() -> decoder.decodeBinary(new byte[] {1}))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("binary data received with no binary packet waiting for it");
    }

    @Test
    void aMissingAttachmentIsRejectedAndForgetsTheBinaryPacket() {
        assertThat(decoder.decode(ONE_PLACEHOLDER)).isNull();
        assertThatThrownBy(() -> decoder.decodeBinary(null))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("missing binary attachment");
        assertThat(decoder.awaitingAttachments()).isFalse();
    }

    @Test
    void resetForgetsAHalfReceivedBinaryPacket() {
        decoder.decode(ONE_PLACEHOLDER);
        decoder.reset();
        assertThat(decoder.awaitingAttachments()).isFalse();
        assertThat(decoder.decode("2[\"y\"]")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2[\"some\",\"data\"",
                "2/admin,\"invalid",
                "2[\"a\",]",
                "2['single']",
                "2[NaN]",
                "2[\"a\",01]",
                "2[\"tab\tin string\"]",
                "2{\"a\":1,}",
                "2[\"\\x\"]",
                "0{token:1}"
            })
    void invalidJsonIsRejected(String text) {
        decoding(text).hasMessageStartingWith("invalid JSON payload: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2[\"a\"]x", "2[\"a\"] [\"b\"]", "2[\"a\"]]", "0{} {}", "3/admin,1[]1"})
    void trailingGarbageAfterTheJsonIsRejected(String text) {
        decoding(text).hasMessageStartingWith("invalid JSON payload: ");
    }

    @Test
    void whitespaceInsteadOfJsonIsRejected() {
        decoding("2 ").hasMessage("invalid JSON payload");
    }

    @Test
    void deeplyNestedJsonIsRejectedNotOverflowed() {
        int depth = Json.MAX_DEPTH + 1;
        decoding("2[\"x\"," + "[".repeat(depth) + "]".repeat(depth) + "]")
                .hasMessageStartingWith("invalid JSON payload: ")
                .hasMessageContaining("nesting depth");
        decoding("2[\"x\"," + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "]")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void nestingUpToTheBoundIsAccepted() {
        int depth = Json.MAX_DEPTH - 1;
        assertThat(decoder.decode("2[\"x\"," + "[".repeat(depth) + "]".repeat(depth) + "]"))
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"})
    void aReservedEventNameIsRejected(String name) {
        decoding("2[\"" + name + "\",\"123\"]").hasMessage("reserved event name '" + name + "'");
        decoding("51-/admin,1[\"" + name + "\",{\"_placeholder\":true,\"num\":0}]")
                .hasMessage("reserved event name '" + name + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2[true,\"foo\"]", "2[null,\"bar\"]", "2[{\"toString\":\"foo\"}]", "2[[\"a\"]]"})
    void anEventNameThatIsNeitherStringNorNumberIsRejected(String text) {
        decoding(text).hasMessage("event name must be a string or a number");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"2", "2/admin,", "2[]", "2{}", "2/admin,{}", "2\"x\"", "21", "50-", "51-1{\"a\":1}", "2/admin"})
    void anEventWhosePayloadIsNoNonEmptyArrayIsRejected(String text) {
        decoding(text).hasMessage("event payload must be a non-empty array");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3[]", "3/admin,[\"x\"]", "60-[]", "3", "3/admin,"})
    void anAckWithoutAnIdIsRejected(String text) {
        decoding(text).hasMessage("ACK without an ack id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"31", "3/admin,1\"invalid\"", "31{}", "60-1{}", "311"})
    void anAckWhosePayloadIsNoArrayIsRejected(String text) {
        decoding(text).hasMessage("ACK payload must be an array");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/admin,\"invalid\"", "0[]", "0 1", "0true", "0null"})
    void aConnectWhosePayloadIsNoObjectIsRejected(String text) {
        decoding(text).hasMessage("CONNECT payload must be an object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1/admin,{}", "1[]", "1\"bye\"", "1 1"})
    void aDisconnectWithAPayloadIsRejected(String text) {
        decoding(text).hasMessage("DISCONNECT takes no payload");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "4/admin,", "4/admin,[]", "442", "4null"})
    void aConnectErrorWhosePayloadIsNeitherObjectNorStringIsRejected(String text) {
        decoding(text).hasMessage("CONNECT_ERROR payload must be an object or a string");
    }

    @Test
    void anAckIdOfMoreThanFifteenDigitsIsRejected() {
        decoding("21234567890123456[\"x\"]").hasMessage("ack id too long");
        assertThat(decoder.decode("2123456789012345[\"x\"]").ackId()).isEqualTo(123456789012345L);
    }

    @Test
    void anAckIdOnAnyPacketTypeIsReadAsTheReferenceParserReadsIt() {
        assertThat(decoder.decode("01").ackId()).isEqualTo(1);
        assertThat(decoder.decode("1/admin,2").ackId()).isEqualTo(2);
    }

    @Test
    void theDecoderGoesOnAfterRejectingAPacket() {
        decoding("2[\"connect\"]");
        decoding("3[]");
        assertThat(decoder.decode("2[\"fine\"]").eventName()).isEqualTo("fine");
    }
}
