package io.pulseio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakeTest {

    private static final String SERVER_OPEN = "{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[\"websocket\"],"
            + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}";

    @Test
    void theHandshakeOfAServerIsParsedField() {
        Handshake h = Handshake.parse(SERVER_OPEN);
        assertThat(h.sid()).isEqualTo("lv_VI97HAXpY6yYWAAAC");
        assertThat(h.upgrades()).containsExactly("websocket");
        assertThat(h.pingInterval()).isEqualTo(25000);
        assertThat(h.pingTimeout()).isEqualTo(20000);
        assertThat(h.maxPayload()).isEqualTo(1000000);
    }

    @Test
    void toJsonWritesExactlyTheFieldsAServerSends() {
        assertThat(Handshake.parse(SERVER_OPEN).toJson()).isEqualTo(SERVER_OPEN);
    }

    @Test
    void aHandshakeSurvivesARoundTrip() {
        Handshake h = new Handshake("abc", List.of(), 1, 2, Long.MAX_VALUE);
        assertThat(Handshake.parse(h.toJson())).isEqualTo(h);
    }

    @Test
    void aHandshakeWithoutUpgradesOffersNone() {
        Handshake h = Handshake.parse("{\"sid\":\"s\",\"pingInterval\":1,\"pingTimeout\":2,\"maxPayload\":3}");
        assertThat(h.upgrades()).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnored() {
        Handshake h = Handshake.parse("{\"sid\":\"s\",\"upgrades\":[],\"pingInterval\":1,"
                + "\"pingTimeout\":2,\"maxPayload\":3,\"extra\":{\"x\":[1]}}");
        assertThat(h.sid()).isEqualTo("s");
    }

    // --- malformed input ---

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"sid\":}", "nope", "{\"sid\":\"s\"} {}", "{\"sid\":\"s\"}x"})
    void invalidJsonIsRejected(String json) {
        assertThatThrownBy(() -> Handshake.parse(json))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("handshake is not valid JSON: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "[]", "\"sid\"", "42", "null"})
    void aHandshakeThatIsNoObjectIsRejected(String json) {
        assertThatThrownBy(() -> Handshake.parse(json))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("handshake is not a JSON object");
    }

    @Test
    void aMissingHandshakeIsRejected() {
        assertThatThrownBy(() -> Handshake.parse(null))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("handshake is not a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"sid\":\"\"}", "{\"sid\":1}", "{\"sid\":null}", "{\"sid\":[\"s\"]}"})
    void aHandshakeWithoutAStringSidIsRejected(String json) {
        assertThatThrownBy(() -> Handshake.parse(json))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("handshake has no sid");
    }

    @Test
    void upgradesMustBeAnArrayOfStrings() {
        assertThatThrownBy(() -> Handshake.parse("{\"sid\":\"s\",\"upgrades\":\"websocket\"}"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("handshake upgrades is not an array");
        assertThatThrownBy(() -> Handshake.parse("{\"sid\":\"s\",\"upgrades\":[1]}"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("handshake upgrades holds a non-string");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "pingInterval | -1",
                "pingInterval | 2.5",
                "pingInterval | \"25000\"",
                "pingInterval | null",
                "pingTimeout | 1e3",
                "pingTimeout | true",
                "maxPayload | 99999999999999999999",
                "maxPayload | {}"
            })
    void aTimingThatIsNoNonNegativeIntegerIsRejected(String field, String value) {
        String json = "{\"sid\":\"s\",\"pingInterval\":1,\"pingTimeout\":2,\"maxPayload\":3,"
                        .replace("\"" + field + "\":", "\"ignored-" + field + "\":")
                + "\"" + field + "\":" + value + "}";
        assertThatThrownBy(() -> Handshake.parse(json))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("handshake " + field + " is not a non-negative integer");
    }

    @Test
    void aMissingTimingIsRejected() {
        assertThatThrownBy(() -> Handshake.parse("{\"sid\":\"s\",\"pingInterval\":1,\"pingTimeout\":2}"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("handshake maxPayload is not a non-negative integer");
    }

    @Test
    void aDeeplyNestedHandshakeIsRejectedNotOverflowed() {
        String deep = "{\"sid\":\"s\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> Handshake.parse(deep))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("nesting depth");
    }
}
