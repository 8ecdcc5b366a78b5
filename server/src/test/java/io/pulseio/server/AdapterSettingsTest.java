package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Adapters named by settings, in a server module without any provider. */
class AdapterSettingsTest {
    @Test
    void withoutTheRedisModuleTheOptionsSayWhatToAdd() {
        assertThatThrownBy(() -> ServerOptions.builder()
                        .cluster(AdapterSettings.of("redis://:secret@127.0.0.1:6379"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no cluster adapter for redis:// URLs ('redis://:***@127.0.0.1:6379'): add"
                        + " io.pulseio:pulseio-adapter-redis to the class path or module path");
    }

    @Test
    void anUnknownSchemeNamesTheOnesThatExist() {
        assertThatThrownBy(() -> ServerOptions.builder()
                        .cluster(AdapterSettings.of("nats://127.0.0.1:4222"))
                        .build())
                .hasMessage("no cluster adapter for nats:// URLs ('nats://127.0.0.1:4222'):"
                        + " pulseio-adapter-redis serves redis:// and rediss:// URLs");
    }

    @Test
    void aUrlWithoutSchemeIsRejected() {
        assertThatThrownBy(() -> ServerOptions.builder()
                        .cluster(AdapterSettings.of("127.0.0.1:6379"))
                        .build())
                .hasMessage("adapter URL '127.0.0.1:6379' has no scheme: write it as redis://host:port");
    }

    @Test
    void passwordsAreNeverShown() {
        assertThat(AdapterSettings.of("redis://user:pw@h:1/0").shownUrl()).isEqualTo("redis://user:***@h:1/0");
        assertThat(AdapterSettings.of("rediss://pw@h:1").shownUrl()).isEqualTo("rediss://***@h:1");
        assertThat(AdapterSettings.of("redis://:p@w@h:1?x=@").shownUrl()).isEqualTo("redis://:***@h:1?x=@");
        assertThat(AdapterSettings.of("redis://h:1").shownUrl()).isEqualTo("redis://h:1");
        assertThat(new AdapterSettings("redis://:a@h:1", "classic", "b", null).toString())
                .doesNotContain("a@")
                .doesNotContain("=b")
                .contains("password=***");
    }
}
