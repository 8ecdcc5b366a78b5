package io.pulseio.server;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * A WebSocket client on a plain socket with a small receive buffer: it completes the handshake,
 * joins the main namespace, and then reads nothing until told to, like a client that hung.
 */
final class StuckWsClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int lastTwo;

    StuckWsClient(int port) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
        out.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:" + port + "\r\n"
                        + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(US_ASCII));
        out.flush();
        readUntil("0{\"sid\"", 1);
        sendText("40");
        readUntil("40{\"sid\"", 1);
    }

    /** Sends a short text frame (masked with a zero key, as a client must mask). */
    private void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(US_ASCII);
        out.write(new byte[] {(byte) 0x81, (byte) (0x80 | payload.length), 0, 0, 0, 0});
        out.write(payload);
        out.flush();
    }

    /** Reads (5 s at most between bytes) until {@code marker} was seen {@code times} times. */
    void readUntil(String marker, int times) throws IOException {
        StringBuilder seen = new StringBuilder();
        int found = 0;
        while (found < times) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection ended before " + marker);
            }
            seen.append((char) b);
            int tail = seen.length() - marker.length();
            if (tail >= 0 && seen.indexOf(marker, tail) == tail) { // only the tail: linear, not quadratic
                found++;
                seen.setLength(0);
            }
        }
    }

    /**
     * Reads and drops everything until the server ends the connection, and returns how many bytes
     * came; -1 when it stays open (5 s without a byte) or more than {@code maxBytes} arrive.
     */
    long drainToEnd(long maxBytes) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                total += n;
                if (total > maxBytes) {
                    return -1;
                }
                for (int i = Math.max(0, n - 2); i < n; i++) {
                    lastTwo = (lastTwo << 8 | (chunk[i] & 0xff)) & 0xffff;
                }
            }
            return total;
        } catch (SocketTimeoutException e) {
            return -1;
        } catch (SocketException e) {
            return total;
        }
    }

    /** After {@link #drainToEnd}: whether the last thing read was the server's close frame. */
    boolean endedWithCloseFrame() {
        return lastTwo == 0x8800;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
