/**
 * The Socket.IO plugin of the logic runtime: settings section, connection manager and node types.
 * Exported: {@code io.pulseio.nodes.socketio} ({@link io.pulseio.nodes.socketio.SocketIoPlugin});
 * the node behaviours and connection handling ({@code .internal..}) are not. The runtime finds the
 * plugin through {@code provides} on the module path and {@code META-INF/services} on the class path.
 */
module io.pulseio.nodes.socketio {
    requires transitive io.pulseio.logic;
    requires com.fasterxml.jackson.databind;
    requires io.pulseio.admin;
    requires io.pulseio.client;
    requires io.pulseio.metrics;
    requires io.pulseio.protocol;
    requires io.pulseio.server;

    exports io.pulseio.nodes.socketio;

    provides io.pulseio.logic.spi.Plugin with
            io.pulseio.nodes.socketio.SocketIoPlugin;
}
