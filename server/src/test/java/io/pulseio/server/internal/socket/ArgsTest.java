package io.pulseio.server.internal.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.Json;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Converting user values to packet JSON. */
class ArgsTest {
    /** One value of every kind the fast path builds itself, with its edge cases. */
    private static final List<Object> FAST_KINDS = Arrays.asList(
            "text",
            "",
            "\u00e9\u20ac\ud83d\ude00 \"quoted\"\n",
            0,
            1,
            -1,
            Integer.MAX_VALUE,
            Integer.MIN_VALUE,
            0L,
            42L,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            (short) 7,
            Short.MIN_VALUE,
            (byte) -3,
            Byte.MAX_VALUE,
            1.5d,
            -0.0d,
            Double.MAX_VALUE,
            Double.MIN_VALUE,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            2.25f,
            -0.0f,
            Float.NaN,
            Float.NEGATIVE_INFINITY,
            true,
            false,
            null,
            new byte[0],
            new byte[] {1, 2, (byte) 255});

    @Test
    void everyFastPathKindGivesTheTreeTheMapperWouldGive() {
        for (Object value : FAST_KINDS) {
            JsonNode expected = Json.MAPPER.valueToTree(value);
            JsonNode actual = Args.toJson(value);
            String kind = value == null ? "null" : value.getClass().getSimpleName() + " " + value;
            assertThat(actual).as(kind).isEqualTo(expected);
            assertThat(actual.getClass()).as(kind).isEqualTo(expected.getClass());
            assertThat(actual.toString()).as(kind).isEqualTo(expected.toString());
        }
    }

    @Test
    void aJsonNodeIsUsedAsItIs() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("a", 1);
        assertThat(Args.toJson(node)).isSameAs(node);
    }

    @Test
    void aByteBufferGivesItsRemainingBytesWithoutMovingIt() throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
        buffer.position(1);
        assertThat(Args.toJson(buffer).binaryValue()).containsExactly(2, 3, 4);
        assertThat(buffer.position()).isEqualTo(1);
    }

    @Test
    void otherValuesStillGoThroughTheMapper() {
        record Point(int x, String label) {}
        Object[] values = {Map.of("k", List.of(1, "two", true)), new Point(3, "p"), List.of(1L, 2.5d), new int[] {1, 2}
        };
        for (Object value : values) {
            assertThat(Args.toJson(value)).isEqualTo(Json.MAPPER.valueToTree(value));
        }
        assertThat(Args.toJson(new Point(3, "p")).toString()).isEqualTo("{\"x\":3,\"label\":\"p\"}");
    }

    @Test
    void aValueTheMapperCannotConvertIsRejectedWithItsType() {
        assertThatThrownBy(() -> Args.toJson(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot convert java.lang.Object to JSON: ");
    }

    @Test
    void eventPutsTheNameFirstAndConvertsEachArgument() {
        assertThat(Args.event("e", new Object[] {"a", 1, 2L, null, true, 0.5d}).toString())
                .isEqualTo("[\"e\",\"a\",1,2,null,true,0.5]");
    }
}
