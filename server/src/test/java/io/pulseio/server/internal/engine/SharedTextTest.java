package io.pulseio.server.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SharedTextTest {
    @BeforeEach
    void empty() {
        SharedText.forget(); // other tests of this JVM may have filled it
    }

    @Test
    void aNameComesBackLowerCaseAndTheSameInstanceEachTime() {
        String first = SharedText.name(new String("X-Shared-Name"));
        assertThat(first).isEqualTo("x-shared-name");
        assertThat(SharedText.name(new String("x-shared-NAME"))).isSameAs(first);
    }

    @Test
    void valuesAreSharedOnlyForHeadersAndParametersThatRepeat() {
        assertThat(SharedText.headerValue("upgrade", new String("websocket")))
                .isSameAs(SharedText.headerValue("upgrade", new String("websocket")));
        assertThat(SharedText.query("transport", new String("polling")))
                .isSameAs(SharedText.query("transport", new String("polling")));
        // a key or a session id is different each time: never kept
        assertThat(SharedText.headerValue("sec-websocket-key", new String("k1")))
                .isNotSameAs(SharedText.headerValue("sec-websocket-key", new String("k1")));
        assertThat(SharedText.query("sid", new String("abc"))).isNotSameAs(SharedText.query("sid", new String("abc")));
    }

    @Test
    void textTooLongOrBeyondTheBoundIsNotKept() {
        String longName = "x".repeat(SharedText.MAX_LENGTH + 1);
        assertThat(SharedText.name(new String(longName))).isNotSameAs(SharedText.name(new String(longName)));
        // a peer inventing names fills the table once; later names are still answered, never kept
        for (int i = 0; i < SharedText.MAX_ENTRIES + 10; i++) {
            SharedText.name("x-invented-" + i);
            SharedText.headerValue("host", "h" + i);
        }
        String late = "x-invented-late";
        assertThat(SharedText.name(new String(late))).isEqualTo(late).isNotSameAs(SharedText.name(new String(late)));
        assertThat(SharedText.headerValue("host", new String("late")))
                .isNotSameAs(SharedText.headerValue("host", new String("late")));
    }
}
