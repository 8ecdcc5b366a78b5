package io.pulseio.client.internal.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Network failures as users read them. Netty's native transport words a failed system call as
 * {@code finishConnect(..) failed with error(-111): Connection refused: /127.0.0.1:1}; the JDK's
 * selector as {@code Connection refused: /127.0.0.1:1}. Sessions report the second form on both.
 */
final class Causes {
    private static final Pattern NATIVE =
            Pattern.compile("\\w+\\(\\.\\.\\) failed(?: with error\\(-?\\d+\\))?: (.+)", Pattern.DOTALL);

    private Causes() {}

    /**
     * {@code cause} itself, or, for a native transport error, a plain {@link IOException} (a
     * {@link ConnectException} for a failed connect) with the system's message and {@code cause}
     * as its cause. Null stays null.
     */
    static Throwable plain(Throwable cause) {
        if (!(cause instanceof IOException) || cause.getMessage() == null) {
            return cause;
        }
        Matcher m = NATIVE.matcher(cause.getMessage());
        if (!m.matches()) {
            return cause;
        }
        IOException plain =
                cause instanceof ConnectException ? new ConnectException(m.group(1)) : new IOException(m.group(1));
        plain.initCause(cause);
        return plain;
    }
}
