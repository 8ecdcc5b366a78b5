package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

class TlsTest {
    private static Path resource(String name) throws Exception {
        return Path.of(TlsTest.class.getResource("/tls/" + name).toURI());
    }

    @Test
    void servesTheHandshakeOverTlsWithAPemCertificateAndKey() throws Exception {
        ServerOptions options = ServerOptions.builder()
                .ioThreads(1)
                .tls(resource("localhost-cert.pem"), resource("localhost-key.pem"))
                .build();
        try (SocketIoServer server = SocketIoServer.create(options)) {
            int port = server.start();
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream in = TlsTest.class.getResourceAsStream("/tls/localhost-cert.pem")) {
                trust.setCertificateEntry(
                        "localhost", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(ssl)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(
                                    URI.create("https://localhost:" + port + "/socket.io/?EIO=4&transport=polling"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith("0{\"sid\"");
        }
    }

    @Test
    void unreadableTlsFilesFailTheStart() {
        ServerOptions options = ServerOptions.builder()
                .ioThreads(1)
                .tls(Path.of("missing-cert.pem"), Path.of("missing-key.pem"))
                .build();
        try (SocketIoServer server = SocketIoServer.create(options)) {
            assertThatThrownBy(server::start)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("cannot load TLS certificate or key");
        }
    }
}
