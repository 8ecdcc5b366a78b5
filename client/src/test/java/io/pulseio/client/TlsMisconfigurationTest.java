package io.pulseio.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS files that exist but cannot be used are rejected when the client is created, naming the file. */
class TlsMisconfigurationTest {

    @Test
    void aCaFileWithoutCertificatesIsRejectedAtCreate(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, "this is not a PEM certificate\n");
        ClientOptions options =
                ClientOptions.builder("https://127.0.0.1:1").caFile(pem).build();
        assertThatThrownBy(() -> SocketIoClient.create(options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read CA certificates from " + pem + ": ");
    }

    @Test
    void aTrustStoreWithTheWrongPasswordIsRejectedAtCreate(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("trust.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (OutputStream out = Files.newOutputStream(store)) {
            ks.store(out, "right".toCharArray());
        }
        ClientOptions options = ClientOptions.builder("https://127.0.0.1:1")
                .trustStore(store, "wrong".toCharArray())
                .build();
        assertThatThrownBy(() -> SocketIoClient.create(options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot load trust store " + store + ": ");
    }

    @Test
    void aTrustStoreThatIsNotAKeyStoreIsRejectedAtCreate(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("trust.p12");
        Files.writeString(store, "garbage");
        ClientOptions options = ClientOptions.builder("https://127.0.0.1:1")
                .trustStore(store, "pw".toCharArray())
                .build();
        assertThatThrownBy(() -> SocketIoClient.create(options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot load trust store " + store + ": ");
    }
}
