package io.pulseio.adapter.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisAdapterBuilderTest {
  @Test
  void badOptionsAreRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> RedisAdapter.builder("http://localhost:6379").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a Redis URI (redis://host:port): http://localhost:6379");
    assertThatThrownBy(() -> RedisAdapter.builder("redis://h").key("").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("key must not be empty");
    assertThatThrownBy(() -> RedisAdapter.builder("redis://h").requestsTimeout(Duration.ZERO)
        .build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestsTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> RedisAdapter.builder(null)).isInstanceOf(NullPointerException.class);
  }
}
