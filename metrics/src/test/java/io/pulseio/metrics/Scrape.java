package io.pulseio.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** Scrapes a metrics endpoint over HTTP and reads values out of the text format. */
final class Scrape {
    final int status;
    final String contentType;
    final String allow;
    final String body;

    private Scrape(int status, String contentType, String allow, String body) {
        this.status = status;
        this.contentType = contentType;
        this.allow = allow;
        this.body = body;
    }

    static Scrape get(int port) throws IOException {
        return request("GET", "http://127.0.0.1:" + port + "/metrics", null);
    }

    static Scrape request(String method, String url, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        if (body != null) {
            c.setDoOutput(true);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Scrape(status, c.getHeaderField("Content-Type"), c.getHeaderField("Allow"), text);
    }

    /**
     * The value of the one series {@code name} whose labels include every {@code labels} fragment
     * (such as {@code transport="polling"}); NaN when there is none, an error when several match.
     */
    double value(String name, String... labels) {
        double found = Double.NaN;
        int matches = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            boolean all = true;
            for (String l : labels) {
                all &= series.contains(l);
            }
            if (all) {
                matches++;
                found = Double.parseDouble(line.substring(space + 1));
            }
        }
        if (matches > 1) {
            throw new AssertionError(matches + " series " + name + " match " + String.join(",", labels));
        }
        return found;
    }

    /** Scrapes until {@code done} holds (at most 10 s); returns the last scrape. */
    static Scrape until(int port, Predicate<Scrape> done) throws Exception {
        Scrape s = get(port);
        for (int i = 0; i < 200 && !done.test(s); i++) {
            Thread.sleep(50);
            s = get(port);
        }
        return s;
    }
}
