package io.pulseio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.Transport;
import io.pulseio.protocol.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The connection options shared by {@code emit} and {@code listen}. */
final class ConnectionOptions {

    /** The wire transports, as written on the command line. */
    enum TransportChoice {
        websocket,
        polling
    }

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NS",
            description = "The namespace to join (default: the URL's path, else /).")
    String namespace;

    @Option(
            names = "--path",
            paramLabel = "PATH",
            defaultValue = ClientOptions.DEFAULT_PATH,
            description = "The server's Engine.IO path (default: ${DEFAULT-VALUE}).")
    String path;

    @Option(
            names = "--timeout",
            paramLabel = "D",
            defaultValue = "10s",
            description = "How long to wait for the connection and for an ack (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--transport",
            paramLabel = "websocket|polling",
            description = "Use only this transport (default: polling, then upgrade to WebSocket).")
    TransportChoice transport;

    @Option(
            names = {"-H", "--header"},
            paramLabel = "K=V",
            description = "An HTTP header for the handshake requests; repeatable.")
    Map<String, String> headers = new LinkedHashMap<>();

    @Option(names = "--auth", paramLabel = "JSON", description = "The CONNECT auth payload, a JSON object.")
    String auth;

    @Option(
            names = {"-k", "--insecure"},
            description = "Accept any TLS certificate (testing only).")
    boolean insecure;

    @Option(names = "--ca", paramLabel = "FILE", description = "Trust the PEM certificate(s) in FILE for TLS.")
    Path ca;

    /** The server URL (without a path) and the namespace to join. */
    record Target(String url, String namespace) {}

    /**
     * Splits {@code url} into the server URL and a namespace: like the JavaScript client,
     * {@code http://host:3000/admin} joins namespace {@code /admin}.
     */
    Target target(CommandLine cmd, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ParameterException(cmd, "Invalid URL '" + url + "': " + e.getReason());
        }
        String urlPath = uri.getRawPath();
        String ns = namespace;
        String base = url;
        if (urlPath != null
                && !urlPath.isEmpty()
                && !urlPath.equals("/")
                && uri.getScheme() != null
                && uri.getRawAuthority() != null) {
            if (ns != null && !ns.equals(urlPath)) {
                throw new ParameterException(
                        cmd,
                        "The URL names namespace " + urlPath + " but --namespace says " + ns + ": give one of them");
            }
            ns = urlPath;
            base = uri.getScheme() + "://" + uri.getRawAuthority()
                    + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        }
        ns = ns == null ? "/" : ns.startsWith("/") ? ns : "/" + ns;
        return new Target(base, ns);
    }

    /** Client options for {@code url}; a value the client rejects is a usage error (64). */
    ClientOptions clientOptions(CommandLine cmd, String url, boolean reconnection) {
        if (insecure && ca != null) {
            throw new ParameterException(cmd, "--insecure and --ca exclude each other");
        }
        if (ca != null) {
            PemFiles.certificates(
                    cmd,
                    "--ca",
                    ca,
                    "give the server's certificate, or the CA certificate that signed it, in PEM "
                            + "(-----BEGIN CERTIFICATE-----)");
        }
        try {
            ClientOptions.Builder b = ClientOptions.builder(url)
                    .path(path)
                    .connectTimeout(timeout)
                    .reconnection(reconnection)
                    .insecure(insecure);
            headers.forEach(b::header);
            if (transport == TransportChoice.websocket) {
                b.transports(Transport.WEBSOCKET);
            } else if (transport == TransportChoice.polling) {
                b.transports(Transport.POLLING).upgrade(false);
            }
            if (auth != null) {
                b.auth(parseAuth(cmd));
            }
            if (ca != null) {
                b.caFile(ca);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, "Invalid connection option: " + e.getMessage());
        }
    }

    private JsonNode parseAuth(CommandLine cmd) {
        try {
            JsonNode node = Json.MAPPER.readTree(auth);
            if (node == null || !node.isObject()) {
                throw new ParameterException(cmd, "--auth must be a JSON object, e.g. '{\"token\":\"abc\"}'");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ParameterException(cmd, "--auth is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
