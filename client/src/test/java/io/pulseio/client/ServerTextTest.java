package io.pulseio.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerTextTest {
    @Test
    void controlCharactersAreEscapedAndTheRestKept() {
        assertThat(ServerText.shown("a\u001b[31mb\u0007\n\r\tc\u007f\u009bd"))
                .isEqualTo("a\\u001b[31mb\\u0007\\n\\r\\tc\\u007f\\u009bd");
        assertThat(ServerText.shown("left\u202eright\u2028")).isEqualTo("left\\u202eright\\u2028");
        assertThat(ServerText.shown("héllo wörld ✓ 😀 \\ \"")).isEqualTo("héllo wörld ✓ 😀 \\ \"");
        assertThat(ServerText.shown("")).isEmpty();
        assertThat(ServerText.shown(null)).isEqualTo("null");
    }

    @Test
    void longTextIsCappedWithTheCountOfWhatWasLeftOut() {
        assertThat(ServerText.shown("y".repeat(ServerText.MAX_SHOWN))).isEqualTo("y".repeat(1000));
        assertThat(ServerText.shown("y".repeat(1001))).isEqualTo("y".repeat(1000) + "… (1 more character)");
        // a surrogate pair across the cap is left out whole
        String pairAtTheCap = "y".repeat(999) + "😀" + "z";
        assertThat(ServerText.shown(pairAtTheCap)).isEqualTo("y".repeat(999) + "… (3 more characters)");
    }
}
