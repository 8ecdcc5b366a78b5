package io.pulseio.client.internal;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.pulseio.client.ClientOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client TLS contexts for the four ways a client may trust a server: the JDK's default trust
 * store, a PEM file of CA certificates, a trust store file, or nothing at all (insecure, which
 * logs a warning). Every context but the insecure one verifies the server's host name.
 *
 * <p>Bad input fails with {@link IllegalArgumentException} naming the file and the cause.
 */
public final class TlsContexts {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.client");

    /** The context for {@code options}: insecure, a PEM file's CAs, a trust store's, or the JDK's. */
    static SslContext forOptions(ClientOptions options) {
        if (options.insecure()) {
            return insecure();
        }
        if (options.caFile() != null) {
            return trustingPem(options.caFile());
        }
        if (options.trustStore() != null) {
            return trustingStore(options.trustStore(), options.trustStorePassword());
        }
        return jdkDefault();
    }

    private TlsContexts() {}

    /** Trusts the CAs of the JDK's default trust store ({@code cacerts}, or {@code javax.net.ssl.trustStore}). */
    public static SslContext jdkDefault() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            return verifying().trustManager(tmf).build();
        } catch (GeneralSecurityException | SSLException e) {
            throw new IllegalStateException("cannot initialise the JDK's default trust store: " + e.getMessage(), e);
        }
    }

    /** Trusts only the CA certificates in a PEM file. */
    public static SslContext trustingPem(Path caPem) {
        try (InputStream in = Files.newInputStream(caPem)) {
            return verifying().trustManager(in).build();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read CA certificates from " + caPem + ": " + e.getMessage(), e);
        }
    }

    /**
     * Trusts the certificates in a trust store file (PKCS#12 or JKS, detected from the content).
     *
     * @param password the store's password, or null when it has none
     */
    public static SslContext trustingStore(Path store, char[] password) {
        try {
            KeyStore keys = KeyStore.getInstance(store.toFile(), password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(keys);
            return verifying().trustManager(tmf).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load trust store " + store + ": " + e.getMessage(), e);
        }
    }

    /**
     * Trusts any certificate for any host name. Only for tests and development: anyone on the path
     * can read and change the traffic. Logs a warning each time it is called.
     */
    public static SslContext insecure() {
        LOG.warn("TLS certificate verification is OFF (insecure): any server, and anyone in between, is trusted");
        try {
            return SslContextBuilder.forClient()
                    .trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .endpointIdentificationAlgorithm(null)
                    .build();
        } catch (SSLException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SslContextBuilder verifying() {
        return SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS");
    }
}
