/**
 * Engine.IO v4 and Socket.IO v5 packets and their codecs: pure functions over immutable values.
 * Packets carry Jackson trees, so Jackson comes along for every reader.
 */
module io.pulseio.protocol {
    requires transitive com.fasterxml.jackson.databind;

    exports io.pulseio.protocol;
}
