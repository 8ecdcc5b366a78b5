package io.pulseio.adapter.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad options of the streams adapter are refused before anything connects. */
class RedisStreamsAdapterBuilderTest {
    private static RedisStreamsAdapter.Builder b() {
        return RedisStreamsAdapter.builder("redis://127.0.0.1:6379");
    }

    @Test
    void badStreamOptionsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> b().streamName("").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("streamName must not be empty");
        assertThatThrownBy(() -> b().channelPrefix(null).build()).hasMessage("channelPrefix must not be empty");
        assertThatThrownBy(() -> b().sessionKeyPrefix("").build()).hasMessage("sessionKeyPrefix must not be empty");
        assertThatThrownBy(() -> b().streamCount(0).build()).hasMessage("streamCount must be at least 1, was 0");
        assertThatThrownBy(() -> b().maxLen(-5).build()).hasMessage("maxLen must be positive, was -5");
        assertThatThrownBy(() -> b().readCount(0).build()).hasMessage("readCount must be positive, was 0");
        assertThatThrownBy(() -> b().blockTime(Duration.ofMillis(-1)).build())
                .hasMessage("blockTime must be positive, was PT-0.001S");
        assertThatThrownBy(() -> b().requestsTimeout(null).build())
                .hasMessage("requestsTimeout must be positive, was null");
        assertThatThrownBy(() -> RedisStreamsAdapter.builder("redis://:hunter2@h:6379/stream")
                        .build())
                .hasMessage("the Redis URL 'redis://:***@h:6379/stream' has path '/stream': the"
                        + " only path a Redis URL may have is a database number, such as /0");
        assertThatThrownBy(() -> RedisStreamsAdapter.builder(null)).isInstanceOf(NullPointerException.class);
    }
}
