package io.pulseio.client.internal.engine;

import static io.pulseio.client.internal.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.pulseio.client.internal.TlsContexts;
import io.pulseio.client.internal.engine.EngineHarness.Recorder;
import io.pulseio.protocol.EnginePacket;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS against a server whose certificate (for localhost) is signed by a test-only CA. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsEngineTest {
    private static final List<String> BOTH = List.of("polling", "websocket");

    private final EngineHarness harness = new EngineHarness();
    private TestEngineServer server;

    @BeforeEach
    void startServer() throws Exception {
        SslContext tls = SslContextBuilder.forServer(
                        resource("test-server.pem").toFile(),
                        resource("test-server.key").toFile())
                .build();
        server = new TestEngineServer(25000, 20000, 1_000_000, tls);
        server.echo = true;
    }

    @AfterEach
    void tearDown() {
        harness.close();
        server.close();
    }

    private Recorder open(SslContext client) throws InterruptedException {
        return harness.open(EngineHarness.options(true, "localhost", server.port(), BOTH, client));
    }

    @Test
    void aCustomCaFromPemIsTrustedOverPollingAndWebSocket() throws Exception {
        Recorder r = open(TlsContexts.trustingPem(resource("test-ca.pem"))).awaitOpen();
        await(() -> !r.transports.isEmpty(), "the upgrade to wss");
        r.engine.send(EnginePacket.message("secret"));
        assertThat(r.takeMessages(1)).containsExactly(EnginePacket.message("secret"));
    }

    @Test
    void aTrustStoreHoldingTheCaIsTrusted(@TempDir Path dir) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(resource("test-ca.pem"))) {
            store.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        Path file = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "secret".toCharArray());
        }
        Recorder r =
                open(TlsContexts.trustingStore(file, "secret".toCharArray())).awaitOpen();
        assertThat(r.handshake.sid()).isNotEmpty();
    }

    @Test
    void theJdkDefaultTrustStoreRejectsAnUnknownCa() throws Exception {
        Recorder r = open(TlsContexts.jdkDefault()).awaitClose();
        assertThat(r.closeReason).isEqualTo("transport error");
        assertThat(r.closeCause).isNotNull();
    }

    @Test
    void theInsecureSwitchTrustsAnyCertificate() throws Exception {
        Recorder r = open(TlsContexts.insecure()).awaitOpen();
        r.engine.send(EnginePacket.message("x"));
        assertThat(r.takeMessages(1)).containsExactly(EnginePacket.message("x"));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TlsEngineTest.class.getResource(name).toURI());
    }
}
