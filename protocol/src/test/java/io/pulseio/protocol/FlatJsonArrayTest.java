package io.pulseio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

/** The flat-array fast path builds exactly the mapper's tree, or leaves the text to the mapper. */
class FlatJsonArrayTest {
    @Test
    void commonPayloadsTakeTheFastPath() throws Exception {
        for (String json : new String[] {
            "[]",
            " [ ] ",
            "[\"p\",\"abc\"]",
            "[\"e\", 1, -7, 0, 123456789, true, false, null]",
            "[\"\"]",
            "[\"é ü \u2603 \ud83d\ude00\"]",
            "\t[\r\n\"x\" ,\n42 ]\n"
        }) {
            ArrayNode fast = FlatJsonArray.parse("2" + json, 1);
            assertThat(fast).as(json).isNotNull();
            assertThat(fast).as(json).isEqualTo(Json.MAPPER.readTree(json));
        }
    }

    @Test
    void leavesEverythingElseToTheMapper() {
        for (String json : new String[] {
            "",
            " ",
            "[",
            "[1",
            "[1,]",
            "[,1]",
            "[1 2]",
            "[\"a\\\"b\"]",
            "[\"a\u0001\"]",
            "[01]",
            "[-0]",
            "[-]",
            "[1.5]",
            "[1e3]",
            "[1234567890]",
            "[+1]",
            "[truex]",
            "[nul]",
            "[[1]]",
            "[{}]",
            "[1]x",
            "[1] ]",
            "{}",
            "\"x\"",
            "[\"unterminated]",
            "[NaN]",
            "[\u00a01]"
        }) {
            assertThat(FlatJsonArray.parse(json, 0)).as(json).isNull();
        }
    }

    @Test
    void randomAndMutatedPayloadsAgreeWithTheMapper() {
        Trials.forAll(
                0xFA_0000_0000L,
                5000,
                r -> r.chance(50)
                        ? r.eventArgs().toString()
                        : r.mutate(
                                r.chance(50)
                                        ? r.eventArgs().toString()
                                        : "[\"" + r.text() + "\"," + r.between(-99, 99) + "]"),
                json -> {
                    ArrayNode fast = FlatJsonArray.parse(json, 0);
                    if (fast == null) {
                        return;
                    }
                    JsonNode mapper = Json.MAPPER.readTree(json);
                    assertThat(fast).isEqualTo(mapper);
                    for (int i = 0; i < fast.size(); i++) {
                        assertThat(fast.get(i).getClass())
                                .isEqualTo(mapper.get(i).getClass());
                    }
                });
    }

    @Test
    void theDecoderStillRejectsWhatTheMapperRejects() {
        assertThatThrownBy(() -> new SocketDecoder().decode("2[\"p\",1,]")).isInstanceOf(ProtocolException.class);
        assertThat(new SocketDecoder().decode("2/ns,12[\"p\",\"x\"]"))
                .isEqualTo(SocketPacket.event(
                        "/ns",
                        (ArrayNode) Json.MAPPER.createArrayNode().add("p").add("x"),
                        12));
    }
}
