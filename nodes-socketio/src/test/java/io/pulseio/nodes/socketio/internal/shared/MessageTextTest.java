package io.pulseio.nodes.socketio.internal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message conversion rules of docs/socketio-nodes.md. */
class MessageTextTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void aSingleStringArgumentIsItself() {
        assertThat(MessageText.text(List.of(F.textNode("hello \"you\"")))).isEqualTo("hello \"you\"");
    }

    @Test
    void anyOtherSingleValueIsItsJsonText() {
        ObjectNode o = F.objectNode().put("temp", 21.5).put("ok", true);
        assertThat(MessageText.text(List.of(o))).isEqualTo("{\"temp\":21.5,\"ok\":true}");
        assertThat(MessageText.text(List.of(F.numberNode(42)))).isEqualTo("42");
        assertThat(MessageText.text(List.of(F.booleanNode(false)))).isEqualTo("false");
        assertThat(MessageText.text(List.of(F.nullNode()))).isEqualTo("null");
    }

    @Test
    void severalArgumentsAreTheJsonTextOfTheirArray() {
        assertThat(MessageText.text(List.of(F.textNode("a"), F.numberNode(1), F.objectNode())))
                .isEqualTo("[\"a\",1,{}]");
    }

    @Test
    void noArgumentIsTheEmptyString() {
        assertThat(MessageText.text(List.of())).isEmpty();
    }

    @Test
    void binaryIsBase64InADollarBinaryObjectWhereverItIs() {
        BinaryNode bytes = F.binaryNode(new byte[] {0, 1, 2, (byte) 255});
        assertThat(MessageText.text(List.of(bytes))).isEqualTo("{\"$binary\":\"AAEC/w==\"}");
        ObjectNode nested = F.objectNode();
        nested.set("data", bytes);
        nested.set("list", F.arrayNode().add(F.binaryNode(new byte[0])).add("text"));
        assertThat(MessageText.text(List.of(nested, F.textNode("x"))))
                .isEqualTo("[{\"data\":{\"$binary\":\"AAEC/w==\"},\"list\":[{\"$binary\":\"\"},\"text\"]},\"x\"]");
    }

    @Test
    void textModeSendsTheMessageAsOneString() {
        assertThat(MessageText.arguments("{\"a\":1}", MessageText.TEXT)).containsExactly("{\"a\":1}");
        assertThat(MessageText.arguments("", MessageText.TEXT)).containsExactly("");
    }

    @Test
    void jsonModeSendsOneParsedValue() {
        Object[] args = MessageText.arguments("{\"a\": [1, \"b\"]}", MessageText.JSON);
        assertThat(args).hasSize(1);
        assertThat(args[0].toString()).isEqualTo("{\"a\":[1,\"b\"]}");
        assertThat(MessageText.arguments("[1, 2]", MessageText.JSON)[0])
                .isEqualTo(F.arrayNode().add(1).add(2));
        assertThat(MessageText.arguments("\"just text\"", MessageText.JSON)[0]).isEqualTo(F.textNode("just text"));
    }

    @Test
    void jsonModeTurnsDollarBinaryObjectsBackIntoBinary() {
        JsonNode sent =
                (JsonNode) MessageText.arguments("{\"file\": {\"$binary\": \"AAEC\"}, \"n\": 1}", MessageText.JSON)[0];
        assertThat(sent.get("file").isBinary()).isTrue();
        assertThat(MessageText.text(List.of(sent))).isEqualTo("{\"file\":{\"$binary\":\"AAEC\"},\"n\":1}");
        JsonNode notBinary = (JsonNode) MessageText.arguments("{\"$binary\": \"not base64!\"}", MessageText.JSON)[0];
        assertThat(notBinary.isObject()).isTrue();
    }

    @Test
    void invalidJsonSaysWhatAndWhere() {
        assertThatThrownBy(() -> MessageText.arguments("{\"a\": }", MessageText.JSON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("message is not valid JSON: Unexpected character ('}' (code 125))")
                .hasMessageEndingWith("(line 1, column 7)");
        assertThatThrownBy(() -> MessageText.arguments("", MessageText.JSON))
                .hasMessage("message is not valid JSON: it is empty");
        assertThatThrownBy(() -> MessageText.arguments("1 2", MessageText.JSON))
                .hasMessageStartingWith("message is not valid JSON: Trailing token");
    }
}
