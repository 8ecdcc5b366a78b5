package io.pulseio.studio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/** The studio's mapper is the project's one (strict, bounded nesting) plus exact decimals. */
class JsonTest {

    @Test
    void decimalsStayAsWritten() throws JsonProcessingException {
        assertThat(Json.MAPPER.readTree("{\"x\":1.0,\"y\":0.10}").toString()).isEqualTo("{\"x\":1.0,\"y\":0.10}");
    }

    @Test
    void contentAfterTheDocumentIsRefusedAsByTheProjectMapper() {
        assertThatThrownBy(() -> Json.MAPPER.readTree("{} {}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void nestingIsBoundedAsByTheProjectMapper() throws JsonProcessingException {
        int max = io.pulseio.protocol.Json.MAX_DEPTH;
        assertThat(Json.MAPPER.readTree("[".repeat(max) + "]".repeat(max)).isArray())
                .isTrue();
        assertThatThrownBy(() -> Json.MAPPER.readTree("[".repeat(max + 1) + "]".repeat(max + 1)))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("nesting depth");
        assertThat(Json.MAPPER.getFactory().streamReadConstraints())
                .isSameAs(io.pulseio.protocol.Json.MAPPER.getFactory().streamReadConstraints());
    }

    @Test
    void theRestOfTheConfigurationIsTheProjectMapper() {
        var project = io.pulseio.protocol.Json.MAPPER;
        assertThat(Json.MAPPER.getDeserializationConfig().getDeserializationFeatures())
                .isEqualTo(project.getDeserializationConfig().getDeserializationFeatures()
                        | com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS.getMask());
        assertThat(Json.MAPPER.getSerializationConfig().getSerializationFeatures())
                .isEqualTo(project.getSerializationConfig().getSerializationFeatures());
        assertThat(Json.MAPPER
                        .getFactory()
                        .isEnabled(
                                com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS
                                        .mappedFeature()))
                .isFalse();
    }
}
