package io.pulseio.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * What a socket presented when it connected.
 *
 * @param auth the CONNECT packet's payload (an empty object when it had none); do not change it
 * @param query the query parameters of the Engine.IO handshake request
 * @param headers the headers of that request, names in lower case
 * @param address the peer's address as {@code host:port}
 * @param secure whether the connection uses TLS
 * @param issued when the socket connected
 */
public record SocketHandshake(
        ObjectNode auth,
        Map<String, String> query,
        Map<String, String> headers,
        String address,
        boolean secure,
        Instant issued) {}
