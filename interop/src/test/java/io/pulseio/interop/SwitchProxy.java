package io.pulseio.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a free loopback port standing in for a load balancer: it sends every new
 * connection to the current backend port, can cut the open ones (as a failed server or network
 * would) and can refuse new ones (it stops listening, as a host that is down) until a backend is
 * set again. Closed by {@link #close}.
 */
final class SwitchProxy implements AutoCloseable {
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private volatile int backend;

    SwitchProxy(int backend) throws IOException {
        this.backend = backend;
        listener = listen(0);
        port = listener.getLocalPort();
    }

    private ServerSocket listen(int on) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), on), 50);
        Thread accept = new Thread(() -> accept(s), "switch-proxy " + s.getLocalPort());
        accept.setDaemon(true);
        accept.start();
        return s;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** New connections go to this port; 0 refuses them (nothing listens on the proxy's port). */
    synchronized void backend(int to) throws IOException {
        backend = to;
        if (to == 0 && listener != null) {
            listener.close();
            listener = null;
        } else if (to != 0 && listener == null) {
            listener = listen(port);
        }
    }

    /** Closes every open connection, both ways. */
    void cutAll() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    private void accept(ServerSocket from) {
        while (!from.isClosed()) {
            Socket client;
            try {
                client = from.accept();
            } catch (IOException e) {
                return;
            }
            int port = backend;
            if (port == 0) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), port);
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[16384];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException ignored) {
                        // cut or closed
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "switch-proxy pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (listener != null) {
            listener.close();
        }
        cutAll();
    }
}
