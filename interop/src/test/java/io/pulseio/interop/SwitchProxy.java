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
 * would) and can turn new ones away until a backend is set again. Closed by {@link #close}.
 */
final class SwitchProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile int backend;

  SwitchProxy(int backend) throws IOException {
    this.backend = backend;
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "switch-proxy " + listener.getLocalPort());
    accept.setDaemon(true);
    accept.start();
  }

  String url() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** New connections go to this port; 0 turns them away (closed at once). */
  void backend(int port) {
    backend = port;
  }

  /** Closes every open connection, both ways. */
  void cutAll() {
    for (Socket s : open) {
      closeQuietly(s);
    }
    open.clear();
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
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
    Thread t = new Thread(() -> {
      byte[] buf = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
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
    }, "switch-proxy pump");
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
  public void close() throws IOException {
    listener.close();
    cutAll();
  }
}
