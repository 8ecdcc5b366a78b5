/**
 * The official Socket.IO Admin UI ({@code @socket.io/admin-ui}) on a pulseio server: the
 * {@code /admin} namespace protocol its page speaks. API: {@link io.pulseio.admin.Admin} and
 * {@link io.pulseio.admin.AdminOptions}; the instrumentation ({@code io.pulseio.admin.internal})
 * is not exported.
 */
module io.pulseio.admin {
    requires transitive io.pulseio.server;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.pulseio.admin;
}
