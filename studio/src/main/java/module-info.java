/**
 * pulseio studio's Java side: serves the browser page and the live channel (a Socket.IO namespace
 * on pulseio's own server) through which the page loads, checks, saves and runs a project. The API
 * is the flat package {@code io.pulseio.studio}; everything else is internal.
 */
module io.pulseio.studio {
    requires transitive io.pulseio.logic;
    requires io.pulseio.server;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.pulseio.studio;
}
