package io.pulseio.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The TLS files a command was given, checked before anything starts: one that is missing, unreadable or
 * not what its option takes is a usage error (64) naming the option and the file, not a failure later.
 */
final class PemFiles {
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

    private PemFiles() {}

    /** {@code file} holds at least one X.509 certificate (PEM or DER). */
    static void certificates(CommandLine cmd, String option, Path file, String hint) {
        byte[] bytes = read(cmd, option, file);
        try {
            if (!CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes))
                    .isEmpty()) {
                return;
            }
        } catch (CertificateException e) {
            // reported below
        }
        throw new ParameterException(cmd, option + " " + file + " is not a certificate file: " + hint);
    }

    /** {@code file} holds a PEM private key. */
    static void privateKey(CommandLine cmd, String option, Path file) {
        byte[] bytes = read(cmd, option, file);
        if (!PRIVATE_KEY.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).find()) {
            throw new ParameterException(
                    cmd,
                    option + " " + file + " is not a private key file: give the key in PEM, PKCS#8 "
                            + "(-----BEGIN PRIVATE KEY-----)");
        }
    }

    private static byte[] read(CommandLine cmd, String option, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParameterException(cmd, option + ": not a readable file: " + file);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ParameterException(cmd, option + " " + file + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
