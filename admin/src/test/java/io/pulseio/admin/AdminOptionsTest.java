package io.pulseio.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminOptionsTest {
    @Test
    void defaultsAreTheOfficialInstruments() {
        AdminOptions o = AdminOptions.builder().build();
        assertThat(o.namespace()).isEqualTo("/admin");
        assertThat(o.authenticates()).isFalse();
        assertThat(o.readOnly()).isFalse();
        assertThat(o.mode()).isEqualTo(AdminOptions.Mode.DEVELOPMENT);
        assertThat(o.serverId()).isNull();
    }

    @Test
    void badValuesAreRejectedWithWhatIsWrong() {
        assertThatThrownBy(() -> AdminOptions.builder().namespace("admin").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("admin namespace must start with '/', was 'admin'");
        assertThatThrownBy(() -> AdminOptions.builder().login("ops", null).build())
                .hasMessage("admin login needs both a username and a password");
        assertThatThrownBy(() -> AdminOptions.builder().login(null, "pw").build())
                .hasMessage("admin login needs both a username and a password");
        assertThatThrownBy(() -> AdminOptions.builder().login("ops", "").build())
                .hasMessage("admin username and password must not be empty");
        assertThatThrownBy(() -> AdminOptions.builder().mode(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("mode");
    }

    @Test
    void thePasswordStaysOutOfToString() {
        assertThat(AdminOptions.builder().login("ops", "hunter2").build().toString())
                .contains("username=ops")
                .contains("password=***")
                .doesNotContain("hunter2");
    }
}
