package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server logs (SLF4J's simple logger writes to {@code System.err}) while it is open,
 * still written to the build's log as well; {@link #close} puts {@code System.err} back.
 */
final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    LogCapture() {
        System.setErr(new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int c) throws IOException {
                        original.write(c);
                        synchronized (logged) {
                            logged.write(c);
                        }
                    }

                    @Override
                    public void write(byte[] buf, int off, int len) throws IOException {
                        original.write(buf, off, len);
                        synchronized (logged) {
                            logged.write(buf, off, len);
                        }
                    }
                },
                true,
                StandardCharsets.UTF_8));
    }

    String text() {
        synchronized (logged) {
            return logged.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits (at most 10 s) until the log holds {@code text}. */
    void await(String text) throws InterruptedException {
        for (int i = 0; i < 400 && !text().contains(text); i++) {
            Thread.sleep(25);
        }
        assertThat(text()).contains(text);
    }

    int count(String text) {
        Matcher m = Pattern.compile(Pattern.quote(text)).matcher(text());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
