package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.admin.Admin;
import io.pulseio.admin.AdminOptions;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.ServerSocket;
import io.pulseio.server.SocketIoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Admin UI's protocol ({@code @socket.io/admin-ui} 0.5.x, namespace {@code /admin}) spoken
 * by our server to the official socket.io-client, which plays the UI's part as the UI's page
 * does: login, config, all_sockets, server_stats, socket/room/event updates, and the commands.
 */
class AdminUiTest {
    private static final Map<String, String> LOGIN = Map.of("username", "admin", "password", "s3cret");
    private SocketIoServer server;
    private Admin admin;
    private final NodeSockets node = new NodeSockets();
    private String url;

    private void start(AdminOptions.Builder options) {
        server = SocketIoServer.create(
                ServerOptions.builder().host("127.0.0.1").port(0).build());
        admin = Admin.instrument(server, options.build());
        server.sockets().onConnection(s -> s.on("hello", (args, ack) -> s.emit("hello-back", "hi")));
        // answers after every command the UI sent before it on the same socket
        server.namespace("/admin").onConnection(s -> s.on("probe", (args, ack) -> ack.send("ok")));
        url = "http://127.0.0.1:" + server.start();
    }

    @AfterEach
    void stop() {
        node.close();
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ServerSocket appSocket(String id) {
        return server.sockets().socket(id).orElseThrow();
    }

    @Test
    void wrongCredentialsAreRefusedAndGoodOnesGetASessionThatLogsInAgain() throws Exception {
        start(AdminOptions.builder().login("admin", "s3cret"));
        JsonNode refused = node.open("bad", url + "/admin", Map.of("username", "admin", "password", "nope"));
        assertThat(refused.path("ev").asText()).isEqualTo("connect_error");
        assertThat(refused.path("message").asText()).isEqualTo("invalid credentials");
        assertThat(node.open("none", url + "/admin", Map.of()).path("message").asText())
                .isEqualTo("invalid credentials");

        assertThat(node.open("ui", url + "/admin", LOGIN).path("ev").asText()).isEqualTo("connect");
        String session = node.awaitEvent("ui", "session", a -> true).path(0).asText();
        assertThat(session).matches("[0-9a-f]{16}");

        JsonNode again = node.open("ui2", url + "/admin", Map.of("sessionId", session));
        assertThat(again.path("ev").asText()).isEqualTo("connect");
        node.awaitEvent("ui2", "config", a -> true);
        assertThat(node.events("ui2", "session")).isEmpty();
        assertThat(node.open("forged", url + "/admin", Map.of("sessionId", "0123456789abcdef"))
                        .path("message")
                        .asText())
                .isEqualTo("invalid credentials");
    }

    @Test
    void theUiGetsConfigSocketsAndStatsAndSeesEveryChange() throws Exception {
        start(AdminOptions.builder().login("admin", "s3cret").serverId("test-server"));
        String app = node.open("app", url + "/", Map.of()).path("id").asText();
        node.open("ui", url + "/admin", LOGIN);

        JsonNode config = node.awaitEvent("ui", "config", a -> true).path(0);
        assertThat(texts(config.path("supportedFeatures")))
                .containsExactly(
                        "EMIT",
                        "JOIN",
                        "LEAVE",
                        "DISCONNECT",
                        "MJOIN",
                        "MLEAVE",
                        "MDISCONNECT",
                        "AGGREGATED_EVENTS",
                        "ALL_EVENTS");

        JsonNode all = node.awaitEvent("ui", "all_sockets", a -> true).path(0);
        JsonNode appJson = find(all, app);
        assertThat(appJson.path("nsp").asText()).isEqualTo("/");
        assertThat(texts(appJson.path("rooms"))).containsExactly(app);
        assertThat(appJson.path("clientId").asText()).hasSize(12);
        assertThat(appJson.path("transport").asText()).isIn("polling", "websocket");
        assertThat(appJson.path("data").isObject()).isTrue();
        assertThat(appJson.path("data").has("_admin")).isFalse();
        assertThat(appJson.path("handshake").path("address").asText()).isEqualTo("127.0.0.1");
        assertThat(appJson.path("handshake").path("query").path("EIO").asText()).isEqualTo("4");
        assertThat(appJson.path("handshake").path("issued").asLong()).isPositive();
        assertThat(appJson.path("handshake").has("auth")).isFalse();

        JsonNode stats = node.awaitEvent(
                        "ui",
                        "server_stats",
                        a -> a.path(0).path("aggregatedEvents").size() > 0)
                .path(0);
        assertThat(stats.path("serverId").asText()).isEqualTo("test-server");
        assertThat(stats.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(stats.path("clientsCount").asInt()).isEqualTo(2);
        assertThat(stats.path("uptime").asDouble()).isPositive();
        List<String> types = new ArrayList<>();
        stats.path("aggregatedEvents").forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).contains("rawConnection", "packetsIn", "packetsOut", "bytesIn", "bytesOut");
        assertThat(find(stats.path("namespaces"), "/", "name")
                        .path("socketsCount")
                        .asInt())
                .isEqualTo(1);

        // a new socket, its events both ways
        String app2 = node.open("app2", url + "/", Map.of()).path("id").asText();
        JsonNode connected = node.awaitEvent(
                "ui", "socket_connected", a -> a.path(0).path("id").asText().equals(app2));
        assertThat(connected.path(0).path("nsp").asText()).isEqualTo("/");
        assertThat(connected.path(1).asText()).endsWith("Z");
        // it came by polling and upgrades to WebSocket
        JsonNode upgraded = node.awaitEvent(
                "ui", "socket_updated", a -> a.path(0).path("id").asText().equals(app2));
        assertThat(upgraded.path(0).path("nsp").asText()).isEqualTo("/");
        assertThat(upgraded.path(0).path("transport").asText()).isEqualTo("websocket");
        node.emit("app2", "hello", "there");
        JsonNode received =
                node.awaitEvent("ui", "event_received", a -> a.path(1).asText().equals(app2));
        assertThat(received.path(0).asText()).isEqualTo("/");
        assertThat(received.path(2).toString()).isEqualTo("[\"hello\",\"there\"]");
        JsonNode sent =
                node.awaitEvent("ui", "event_sent", a -> a.path(1).asText().equals(app2));
        assertThat(sent.path(2).toString()).isEqualTo("[\"hello-back\",\"hi\"]");

        // rooms from the server side
        appSocket(app2).join("lobby");
        node.awaitEvent(
                "ui",
                "room_joined",
                a -> a.path(1).asText().equals("lobby") && a.path(2).asText().equals(app2));
        appSocket(app2).leave("lobby");
        node.awaitEvent(
                "ui",
                "room_left",
                a -> a.path(1).asText().equals("lobby") && a.path(2).asText().equals(app2));

        node.run(Map.of("close", "app2"));
        JsonNode gone = node.awaitEvent(
                "ui", "socket_disconnected", a -> a.path(1).asText().equals(app2));
        assertThat(gone.path(0).asText()).isEqualTo("/");
        assertThat(gone.path(2).asText()).isEqualTo("client namespace disconnect");
    }

    @Test
    void theUiJoinsLeavesEmitsAndDisconnects() throws Exception {
        start(AdminOptions.builder().login("admin", "s3cret"));
        String app = node.open("app", url + "/", Map.of()).path("id").asText();
        node.open("ui", url + "/admin", LOGIN);
        node.awaitEvent("ui", "config", a -> true);

        node.emit("ui", "join", "/", "room1", app);
        node.awaitEvent("ui", "room_joined", a -> a.path(1).asText().equals("room1"));
        assertThat(node.emitWithAck("ui", "probe").path(0).asText()).isEqualTo("ok");
        assertThat(appSocket(app).rooms()).contains("room1");

        node.emit("ui", "emit", "/", "room1", "news", 1, Map.of("a", "b"));
        assertThat(node.awaitEvent("app", "news", a -> true).toString()).isEqualTo("[1,{\"a\":\"b\"}]");

        node.emit("ui", "leave", "/", "room1", app);
        node.awaitEvent("ui", "room_left", a -> a.path(1).asText().equals("room1"));
        node.emitWithAck("ui", "probe");
        assertThat(appSocket(app).rooms()).doesNotContain("room1");

        // bad commands: dropped, and no namespace is made for them
        node.emit("ui", "join", "/nowhere", "room1", app);
        node.emit("ui", "join", 42, "room1");
        node.emit("ui", "emit", "/", null, "connect");
        node.emitWithAck("ui", "probe");
        assertThat(appSocket(app).rooms()).containsExactly(app);

        node.emit("ui", "_disconnect", "/", false, app);
        JsonNode reason = node.await(l -> l.path("ev").asText().equals("disconnect")
                && l.path("sock").asText().equals("app"));
        assertThat(reason.path("reason").asText()).isEqualTo("io server disconnect");
        JsonNode gone = node.awaitEvent(
                "ui", "socket_disconnected", a -> a.path(1).asText().equals(app));
        assertThat(gone.path(2).asText()).isEqualTo("server namespace disconnect");
    }

    @Test
    void readOnlyOffersNoCommandAndIgnoresThem() throws Exception {
        start(AdminOptions.builder().readOnly(true));
        String app = node.open("app", url + "/", Map.of()).path("id").asText();
        assertThat(node.open("ui", url + "/admin", Map.of()).path("ev").asText())
                .isEqualTo("connect");
        JsonNode config = node.awaitEvent("ui", "config", a -> true).path(0);
        assertThat(texts(config.path("supportedFeatures"))).containsExactly("AGGREGATED_EVENTS", "ALL_EVENTS");
        node.emit("ui", "join", "/", "room1", app);
        node.emit("ui", "_disconnect", "/", true, app);
        node.emitWithAck("ui", "probe");
        assertThat(appSocket(app).rooms()).containsExactly(app);
        assertThat(appSocket(app).connected()).isTrue();
    }

    @Test
    void productionModeSendsOnlyTheStatistics() throws Exception {
        start(AdminOptions.builder().mode(AdminOptions.Mode.PRODUCTION));
        node.open("ui", url + "/admin", Map.of());
        JsonNode config = node.awaitEvent("ui", "config", a -> true).path(0);
        assertThat(texts(config.path("supportedFeatures")))
                .containsExactly(
                        "EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT", "AGGREGATED_EVENTS");
        String app = node.open("app", url + "/", Map.of()).path("id").asText();
        node.emit("app", "hello");
        node.awaitEvent("app", "hello-back", a -> true);
        JsonNode stats = node.awaitEvent(
                        "ui",
                        "server_stats",
                        a -> find(a.path(0).path("namespaces"), "/", "name")
                                        .path("socketsCount")
                                        .asInt()
                                == 1)
                .path(0);
        assertThat(stats.path("clientsCount").asInt()).isEqualTo(2);
        for (String verbose :
                List.of("all_sockets", "socket_connected", "event_received", "event_sent", "room_joined")) {
            assertThat(node.events("ui", verbose)).as(verbose).isEmpty();
        }
        assertThat(app).isNotEmpty();
    }

    @Test
    void onAServerThatAcceptsEveryNamespaceTheUiLogsInAgainAndForgetsRemovedOnes() throws Exception {
        server = SocketIoServer.create(
                ServerOptions.builder().host("127.0.0.1").port(0).build());
        server.namespaces(name -> true).onConnection(s -> s.on("hello", (args, ack) -> s.emit("hello-back", "hi")));
        admin = Admin.instrument(
                server, AdminOptions.builder().login("admin", "s3cret").build());
        url = "http://127.0.0.1:" + server.start();

        // the admin namespace is its own, not a child of the catch-all: it outlives its last UI
        for (String ui : List.of("ui1", "ui2")) {
            assertThat(node.open(ui, url + "/admin", LOGIN).path("ev").asText())
                    .as(ui)
                    .isEqualTo("connect");
            node.awaitEvent(ui, "config", a -> true);
            assertThat(node.open(ui + "-bad", url + "/admin", Map.of())
                            .path("message")
                            .asText())
                    .isEqualTo("invalid credentials");
            node.run(Map.of("close", ui));
            node.await(l ->
                    l.path("sock").asText().equals(ui) && l.path("ev").asText().equals("disconnect"));
        }

        node.open("ui", url + "/admin", LOGIN);
        String app = node.open("app", url + "/room-7", Map.of()).path("id").asText();
        node.awaitEvent(
                "ui", "socket_connected", a -> a.path(0).path("id").asText().equals(app));
        node.awaitEvent("ui", "server_stats", a -> hasNamespace(a.path(0), "/room-7"));
        node.run(Map.of("close", "app"));
        node.awaitEvent("ui", "server_stats", a -> !hasNamespace(a.path(0), "/room-7"));
        assertThat(server.findNamespace("/room-7")).isEmpty();
    }

    private static boolean hasNamespace(JsonNode stats, String name) {
        for (JsonNode nsp : stats.path("namespaces")) {
            if (nsp.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode find(JsonNode array, String id) {
        return find(array, id, "id");
    }

    private static JsonNode find(JsonNode array, String value, String field) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
