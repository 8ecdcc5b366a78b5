package io.pulseio.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventLoopsTest {

    @Test
    void fewerThanOneThreadIsRejected() {
        assertThatThrownBy(() -> EventLoops.create(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be >= 1, was 0");
        assertThatThrownBy(() -> EventLoops.create(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be >= 1, was -2");
    }
}
