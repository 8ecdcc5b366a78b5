package io.pulseio.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx ({@code /usr/sbin/nginx}, or {@code -Dpulseio.nginx=PATH}) in the foreground
 * with a prefix and configuration of its own in a temporary folder, listening on a free loopback
 * port; {@link #close} stops it (and a shutdown hook, should the JVM end first) and removes the
 * folder. {@code http} is the body of the configuration's {@code http} block, in which
 * {@code PORT} stands for the port to listen on; requests are logged as
 * {@code remote_addr upstream_addr request_uri} lines in {@link #accessLog()}.
 */
final class Nginx implements AutoCloseable {
    final int port;
    private final Path dir;
    private final Process process;

    private Nginx(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    static Nginx start(String http) throws IOException, InterruptedException {
        String binary = System.getProperty("pulseio.nginx", "/usr/sbin/nginx");
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException(
                    "no nginx at " + binary + ": install Debian's nginx or set -Dpulseio.nginx");
        }
        int port = RedisServer.freePort();
        Path dir = Files.createTempDirectory("pulseio-nginx");
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
        String conf =
                """
        worker_processes 1;
        daemon off;
        pid DIR/nginx.pid;
        error_log DIR/logs/error.log warn;
        events { worker_connections 256; }
        http {
          log_format upstreams '$remote_addr $upstream_addr $request_uri';
          access_log DIR/logs/access.log upstreams;
          client_body_temp_path DIR/tmp/body;
          proxy_temp_path DIR/tmp/proxy;
          fastcgi_temp_path DIR/tmp/fastcgi;
          uwsgi_temp_path DIR/tmp/uwsgi;
          scgi_temp_path DIR/tmp/scgi;
        HTTP
        }
        """.replace("HTTP", http.replace("PORT", String.valueOf(port))).replace("DIR", dir.toString());
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(List.of(
                        binary,
                        "-p",
                        dir.toString(),
                        "-e",
                        dir.resolve("logs/error.log").toString(),
                        "-c",
                        file.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/stdout.log").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        Nginx nginx = new Nginx(port, dir, p);
        for (int i = 0; i < 200; i++) {
            if (!p.isAlive()) {
                String log = Files.readString(dir.resolve("logs/error.log"));
                nginx.close();
                throw new IllegalStateException("nginx did not start:\n" + log);
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(25);
            }
        }
        nginx.close();
        throw new IllegalStateException("nginx did not listen on " + port + " within 5 s");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    List<String> accessLog() throws IOException {
        Path log = dir.resolve("logs/access.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's master stops its worker and exits
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
