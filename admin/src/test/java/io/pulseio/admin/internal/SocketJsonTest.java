package io.pulseio.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocketJsonTest {
    @Test
    void theAddressShownIsTheHostWithoutItsPort() {
        assertThat(SocketJson.hostOf("127.0.0.1:51234")).isEqualTo("127.0.0.1");
        assertThat(SocketJson.hostOf("[::1]:51234")).isEqualTo("::1");
        assertThat(SocketJson.hostOf("::1")).isEqualTo("::1");
        assertThat(SocketJson.hostOf("host")).isEqualTo("host");
        assertThat(SocketJson.hostOf(null)).isNull();
    }
}
