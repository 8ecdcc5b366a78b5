package io.pulseio.client.internal.engine;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.NotSslRecordException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Why a connection could not be opened, in plain words with the fix where there is one: the text
 * the client puts after the reason of a failed connection attempt ({@code "transport error: …"}).
 *
 * <p>Pure and thread-safe. It reads the whole cause chain, since Netty wraps TLS failures
 * ({@code DecoderException → SSLHandshakeException → … → CertPathBuilderException}).
 */
public final class Failures {
    /** How a TLS failure for a certificate nobody trusts ends: the fix a user of pulseio can apply. */
    static final String TRUST_HINT = "trust its CA certificate with tls.ca (project setting), "
            + "--ca FILE (pulseio command line) or ClientOptions.caFile";

    /**
     * The JDK and Netty print a socket address as {@code host/1.2.3.4:80}, or {@code /1.2.3.4:80}
     * when it was given as an IP: the stray slash and the doubled host go.
     */
    private static final Pattern ADDRESS =
            Pattern.compile("([\\w.-]*)/(\\[[0-9A-Fa-f:.%\\w]+\\]|\\d{1,3}(?:\\.\\d{1,3}){3}):(\\d{1,5})\\b");

    private static final Pattern TIMED_OUT =
            Pattern.compile("connection timed out after (\\d+) ms: (.+)", Pattern.DOTALL);
    private static final int MAX_DEPTH = 16;

    private Failures() {}

    /**
     * The plain description of {@code failure}: never null, never empty (the class name when all
     * else is missing).
     */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String tls = tls(failure);
        if (tls != null) {
            return tls;
        }
        Throwable root = failure;
        for (int i = 0; i < MAX_DEPTH && root.getCause() != null && root.getCause() != root; i++) {
            if (root instanceof ConnectException || root instanceof UnknownHostException) {
                break;
            }
            root = root.getCause();
        }
        if (failure instanceof ConnectTimeoutException || root instanceof ConnectTimeoutException) {
            Throwable t = failure instanceof ConnectTimeoutException ? failure : root;
            Matcher m = TIMED_OUT.matcher(String.valueOf(t.getMessage()));
            if (m.matches()) {
                return "no TCP connection to " + addresses(m.group(2)) + " within "
                        + duration(Long.parseLong(m.group(1))) + " (connect timeout)";
            }
        }
        if (root instanceof UnknownHostException) {
            return "unknown host: " + (root.getMessage() == null ? "(no name)" : root.getMessage());
        }
        Throwable shown = failure.getMessage() != null ? failure : root;
        String message = shown.getMessage();
        if (message == null || message.isBlank()) {
            return shown.getClass().getSimpleName();
        }
        return addresses(message);
    }

    /** {@code ms} as a person says it: {@code 20 s}, {@code 1500 ms}. */
    public static String duration(long ms) {
        return ms >= 1000 && ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** Every socket address in {@code text} as {@code host:port} or {@code host:port (ip)}. */
    static String addresses(String text) {
        Matcher m = ADDRESS.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String host = m.group(1);
            String ip = m.group(2);
            String port = m.group(3);
            String plain = host.isEmpty() || host.equals(ip) ? ip + ":" + port : host + ":" + port + " (" + ip + ")";
            m.appendReplacement(b, Matcher.quoteReplacement(plain));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** A TLS failure in words, or null when {@code failure} is not one. */
    private static String tls(Throwable failure) {
        boolean ssl = false;
        String hostMismatch = null;
        Throwable last = failure;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause() == t ? null : t.getCause()) {
            depth++;
            last = t;
            if (t instanceof NotSslRecordException) {
                return "the server did not answer in TLS (is it plain HTTP? then use http:// or ws://)";
            }
            if (t instanceof CertPathBuilderException) {
                return "the server's certificate is not trusted (PKIX path building failed: no trusted CA "
                        + "signed it): " + TRUST_HINT;
            }
            if (t instanceof CertificateExpiredException) {
                return "the server's certificate has expired (" + t.getMessage() + ")";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "the server's certificate is not valid yet (" + t.getMessage() + ")";
            }
            String m = t.getMessage();
            if (hostMismatch == null
                    && m != null
                    && (m.startsWith("No subject alternative") || m.startsWith("No name matching"))) {
                hostMismatch = m;
            }
            ssl |= t instanceof SSLException;
        }
        if (hostMismatch != null) {
            return "the server's certificate is not for this host (" + hostMismatch + ")";
        }
        if (!ssl) {
            return null;
        }
        String m = last.getMessage();
        return "TLS handshake failed" + (m == null || m.isBlank() ? "" : ": " + addresses(m));
    }
}
