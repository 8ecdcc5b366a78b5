package io.pulseio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientOptionsTest {

    @Test
    void defaultsFollowTheJavaScriptClient() {
        ClientOptions o = ClientOptions.builder("http://example.com").build();
        assertThat(o.host()).isEqualTo("example.com");
        assertThat(o.port()).isEqualTo(80);
        assertThat(o.secure()).isFalse();
        assertThat(o.path()).isEqualTo("/socket.io/");
        assertThat(o.transports()).containsExactly(Transport.POLLING, Transport.WEBSOCKET);
        assertThat(o.upgrade()).isTrue();
        assertThat(o.rememberUpgrade()).isFalse();
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.reconnection()).isTrue();
        assertThat(o.reconnectionAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(o.reconnectionDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.reconnectionDelayMax()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.randomizationFactor()).isEqualTo(0.5);
        assertThat(o.ackTimeout()).isNull();
        assertThat(o.retries()).isZero();
        assertThat(o.auth()).isNull();
        assertThat(o.sendBufferSize()).isEqualTo(ClientOptions.DEFAULT_SEND_BUFFER_SIZE);
        assertThat(o.eventLoops()).isNull();
        assertThat(o.callbackExecutor()).isNull();
    }

    @Test
    void urlGivesSchemeHostPortAndQuery() {
        ClientOptions o = ClientOptions.builder("https://example.com:8443/?token=a%20b&x=1")
                .query("y", "2")
                .build();
        assertThat(o.secure()).isTrue();
        assertThat(o.port()).isEqualTo(8443);
        assertThat(o.query()).containsExactly(Map.entry("token", "a b"), Map.entry("x", "1"), Map.entry("y", "2"));
        assertThat(ClientOptions.builder("wss://h").build().port()).isEqualTo(443);
        assertThat(ClientOptions.builder("ws://h").build().secure()).isFalse();
        assertThat(ClientOptions.builder("http://[::1]:3000").build().host()).isEqualTo("::1");
        assertThat(ClientOptions.builder("http://h:3000").port(4000).build().port())
                .isEqualTo(4000);
    }

    @Test
    void pathGetsATrailingSlash() {
        assertThat(ClientOptions.builder("http://h").path("/io").build().path()).isEqualTo("/io/");
        assertThat(ClientOptions.builder("http://h").path("/io/").build().path())
                .isEqualTo("/io/");
    }

    @Test
    void authAcceptsJsonObjectsAndConvertibleValues() {
        ClientOptions fromMap =
                ClientOptions.builder("http://h").auth(Map.of("token", "t")).build();
        assertThat(fromMap.auth().toString()).isEqualTo("{\"token\":\"t\"}");
        record Credentials(String user, int level) {}
        ClientOptions fromRecord =
                ClientOptions.builder("http://h").auth(new Credentials("u", 2)).build();
        assertThat(fromRecord.auth().get("level").asInt()).isEqualTo(2);
        fromRecord.auth().put("changed", true);
        assertThat(fromRecord.auth().has("changed")).as("auth() is a copy").isFalse();
    }

    @Test
    void toBuilderKeepsEveryOption() {
        ClientOptions o = ClientOptions.builder("http://h:1")
                .path("/p")
                .header("A", "1")
                .retries(2)
                .ackTimeout(Duration.ofSeconds(3))
                .transports(Transport.WEBSOCKET)
                .auth(Map.of("k", 1))
                .build();
        ClientOptions copy = o.toBuilder().build();
        assertThat(copy.path()).isEqualTo("/p/");
        assertThat(copy.port()).isEqualTo(1);
        assertThat(copy.headers()).isEqualTo(Map.of("A", List.of("1")));
        assertThat(copy.retries()).isEqualTo(2);
        assertThat(copy.ackTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(copy.transports()).containsExactly(Transport.WEBSOCKET);
        assertThat(copy.auth()).isEqualTo(o.auth());
    }

    @Test
    void badValuesAreRejectedWithExactMessages(@TempDir Path dir) {
        rejects(
                ClientOptions.builder("ftp://h"),
                "url must start with http://, https://, ws:// or wss://, was ftp://h");
        rejects(
                ClientOptions.builder("localhost:3000"),
                "url must start with http://, https://, ws:// or wss://, was localhost:3000");
        rejects(ClientOptions.builder("http://"), "url is not valid: http://");
        rejects(ClientOptions.builder("http:///x"), "url has no host: http:///x");
        rejects(
                ClientOptions.builder("http://h/admin"),
                "url must not have a path (set path(...) for the Engine.IO "
                        + "path and use socket(namespace) for namespaces), was http://h/admin");
        rejects(ClientOptions.builder("http://u:p@h"), "url must not carry user info: http://u:***@h");
        rejects(
                ClientOptions.builder("ftp://h/?token=s3cret"),
                "url must start with http://, https://, ws:// or wss://, was ftp://h/?token=***");
        assertThat(ClientOptions.redacted("http://ann:pw@h:3/?token=abc&site=x#f"))
                .isEqualTo("http://ann:***@h:3/?token=***&site=***#f");
        assertThat(ClientOptions.redacted("http://h:3")).isEqualTo("http://h:3");
        rejects(ClientOptions.builder("http://h").port(0), "port must be in 1..65535, was 0");
        rejects(ClientOptions.builder("http://h").port(70000), "port must be in 1..65535, was 70000");
        rejects(ClientOptions.builder("http://h").path("io"), "path must start with /, was \"io\"");
        rejects(ClientOptions.builder("http://h").query("sid", "x"), "query parameter sid is reserved");
        rejects(ClientOptions.builder("http://h").header(" ", "x"), "header name must not be blank");
        rejects(
                ClientOptions.builder("http://h").header("X B", "x"),
                "header name 'X B' is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~ only)");
        rejects(
                ClientOptions.builder("http://h").header("X-B:", "x"),
                "header name 'X-B:' is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~ only)");
        rejects(
                ClientOptions.builder("http://h").header("X-A", "ok").header("X-A", "a\r\nInjected: 1"),
                "header 'X-A' has a control character (a line break, say) in its value");
        assertThat(ClientOptions.builder("http://h")
                        .header("X-Trace_id.v2", "tab\tand spaces")
                        .build()
                        .headers())
                .containsEntry("X-Trace_id.v2", List.of("tab\tand spaces"));
        rejects(ClientOptions.builder("http://h").transports(), "transports must not be empty");
        rejects(
                ClientOptions.builder("http://h").transports(Transport.WEBSOCKET, Transport.WEBSOCKET),
                "transports must not repeat a transport, was [WEBSOCKET, WEBSOCKET]");
        rejects(
                ClientOptions.builder("http://h").connectTimeout(Duration.ZERO),
                "connectTimeout must be positive, was 0 ms");
        rejects(
                ClientOptions.builder("http://h").reconnectionAttempts(-1),
                "reconnectionAttempts must be >= 0, was -1");
        rejects(
                ClientOptions.builder("http://h").reconnectionDelay(Duration.ofMillis(-5)),
                "reconnectionDelay must be positive, was -5 ms");
        rejects(
                ClientOptions.builder("http://h")
                        .reconnectionDelay(Duration.ofSeconds(2))
                        .reconnectionDelayMax(Duration.ofSeconds(1)),
                "reconnectionDelayMax must be >= reconnectionDelay (2000 ms), was 1000 ms");
        rejects(
                ClientOptions.builder("http://h").randomizationFactor(1.5),
                "randomizationFactor must be in [0, 1], was 1.5");
        rejects(
                ClientOptions.builder("http://h").randomizationFactor(Double.NaN),
                "randomizationFactor must be in [0, 1], was NaN");
        rejects(ClientOptions.builder("http://h").ackTimeout(Duration.ZERO), "ackTimeout must be positive, was 0 ms");
        rejects(ClientOptions.builder("http://h").retries(-1), "retries must be >= 0, was -1");
        rejects(ClientOptions.builder("http://h").auth(List.of(1)), "auth must be a JSON object, was ARRAY");
        rejects(
                ClientOptions.builder("http://h").auth(JsonNodeFactory.instance.textNode("x")),
                "auth must be a JSON object, was STRING");
        rejects(ClientOptions.builder("http://h").sendBufferSize(-1), "sendBufferSize must be >= 0, was -1");
        rejects(
                ClientOptions.builder("http://h").insecure(true).caFile(dir),
                "only one of caFile, trustStore and insecure may be set");
        rejects(
                ClientOptions.builder("http://h").caFile(dir.resolve("missing.pem")),
                "caFile is not a readable file: " + dir.resolve("missing.pem"));
        rejects(ClientOptions.builder("http://h").trustStore(dir, null), "trustStore is not a readable file: " + dir);
    }

    @Test
    void remainingBadValuesAreRejectedWithExactMessages() {
        rejects(
                ClientOptions.builder("http://h").transports(Transport.POLLING, null),
                "transports must not contain null");
        rejects(ClientOptions.builder("http://h#frag"), "url must not have a fragment: http://h#frag");
        assertThatThrownBy(() -> ClientOptions.builder("http://h")
                        .auth(new Unconvertible())
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("auth cannot be converted to JSON: ")
                .hasMessageContaining("getter fails");
    }

    /** A bean whose getter throws, so Jackson cannot turn it into JSON. */
    public static final class Unconvertible {
        public String getValue() {
            throw new IllegalStateException("getter fails");
        }
    }

    @Test
    void nullsAreRejectedByName() {
        assertThatThrownBy(() -> ClientOptions.builder(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("url");
        assertThatThrownBy(() -> ClientOptions.builder("http://h").connectTimeout(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("connectTimeout");
    }

    private static void rejects(ClientOptions.Builder builder, String message) {
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
