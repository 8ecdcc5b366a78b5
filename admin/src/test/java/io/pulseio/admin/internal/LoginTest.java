package io.pulseio.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class LoginTest {
    private final Login login = new Login("ops", "pa:ss");

    private static ObjectNode auth() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Test
    void theRightCredentialsGetAFreshSessionIdThatLogsInAfterwards() {
        String session = login.check(auth().put("username", "ops").put("password", "pa:ss"));
        assertThat(session).matches("[0-9a-f]{16}");
        assertThat(login.check(auth().put("sessionId", session))).isEmpty();
        assertThat(login.check(auth().put("username", "ops").put("password", "pa:ss")))
                .isNotEqualTo(session);
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(login.check(auth())).isNull();
        assertThat(login.check(auth().put("username", "ops").put("password", "pa")))
                .isNull();
        assertThat(login.check(auth().put("username", "Ops").put("password", "pa:ss")))
                .isNull();
        assertThat(login.check(auth().put("username", "ops").put("password", 1)))
                .isNull();
        assertThat(login.check(auth().put("sessionId", "0123456789abcdef"))).isNull();
        assertThat(login.check(auth().put("sessionId", 7))).isNull();
    }

    @Test
    void onlyTheLatestSessionsAreKept() {
        String first = login.check(auth().put("username", "ops").put("password", "pa:ss"));
        for (int i = 0; i < Login.MAX_SESSIONS; i++) {
            login.check(auth().put("username", "ops").put("password", "pa:ss"));
        }
        assertThat(login.check(auth().put("sessionId", first))).isNull();
    }
}
