package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.util.concurrent.ScheduledFuture;
import io.pulseio.protocol.EncodedPacket;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.ProtocolException;
import io.pulseio.protocol.SocketDecoder;
import io.pulseio.protocol.SocketEncoder;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.protocol.SocketPacketType;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.EngineSocket;
import io.pulseio.server.RejectedInput;
import io.pulseio.server.internal.engine.EngineSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO side of one Engine.IO session: decodes packets, routes them to the namespace
 * sockets it carries, enforces the connect timeout. Confined to the session's event loop.
 *
 * <p>A CONNECT for a namespace the connection has joined closes the connection, as socket.io does
 * ("invalid state"; its sockets' reason: {@code forced server close}). So does one for a namespace
 * whose CONNECT is still in its middlewares: socket.io would admit a second socket there, which
 * no client means.
 */
final class ClientConnection implements EngineSocket.Listener {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");
    private static final long CONNECT_HOLD_MICROS = 2000;

    final SocketIoServerImpl server;
    final EngineSession conn;
    private final SocketDecoder decoder;
    private final Map<String, ServerSocketImpl> sockets = new HashMap<>(2);
    /** Namespaces whose CONNECT is in their middlewares: neither admitted nor refused yet. */
    private final Map<String, NamespaceImpl> joining = new HashMap<>(2);

    private ScheduledFuture<?> connectTimer;
    /** Bytes of the attachments received for the binary packet that waits for more. */
    private long attachmentBytes;

    private ScheduledFuture<?> attachmentTimer;
    private boolean closed;

    ClientConnection(SocketIoServerImpl server, EngineSession conn) {
        this.server = server;
        this.conn = conn;
        this.decoder = new SocketDecoder(server.options.maxAttachments());
        this.connectTimer = conn.loop()
                .schedule(
                        () -> {
                            if (sockets.isEmpty() && !closed) {
                                LOG.debug("no namespace joined in time, closing {}", conn.id());
                                conn.close();
                            }
                        },
                        server.options.connectTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    void execute(Runnable task) {
        if (conn.loop().inEventLoop()) {
            task.run();
        } else {
            conn.loop().execute(task);
        }
    }

    boolean isOpen() {
        return !closed && conn.isOpen();
    }

    // ---- incoming ----

    @Override
    public void onMessage(String text) {
        SocketPacket packet;
        try {
            packet = decoder.decode(text);
        } catch (ProtocolException e) {
            onParseError(e);
            return;
        }
        if (packet != null) {
            route(packet);
        } else if (decoder.awaitingAttachments() && !closed) {
            awaitAttachments();
        }
    }

    @Override
    public void onBinary(byte[] data) {
        SocketPacket packet;
        try {
            packet = decoder.decodeBinary(data);
        } catch (ProtocolException e) {
            onParseError(e);
            return;
        }
        if (packet != null) {
            attachmentsDone();
            route(packet);
            return;
        }
        attachmentBytes += data.length;
        long max = server.options.maxAttachmentBytes();
        if (attachmentBytes > max) {
            LOG.warn(
                    "connection {}: {} bytes of attachments received for a packet that waits for"
                            + " more, over maxAttachmentBytes {}: closing it",
                    conn.id(),
                    attachmentBytes,
                    max);
            server.observers.inputRejected(conn, RejectedInput.ATTACHMENTS_TOO_LARGE);
            closeForAttachments();
        }
    }

    /** A binary packet's text arrived: it has {@code attachmentTimeout} to get its attachments. */
    private void awaitAttachments() {
        attachmentBytes = 0;
        long millis = server.options.attachmentTimeout().toMillis();
        attachmentTimer = conn.loop()
                .schedule(
                        () -> {
                            attachmentTimer = null;
                            if (decoder.awaitingAttachments() && !closed) {
                                LOG.warn(
                                        "connection {}: a binary packet waited {} ms for its attachments"
                                                + " (attachmentTimeout): closing it",
                                        conn.id(),
                                        millis);
                                server.observers.inputRejected(conn, RejectedInput.ATTACHMENTS_TIMEOUT);
                                closeForAttachments();
                            }
                        },
                        millis,
                        TimeUnit.MILLISECONDS);
    }

    private void attachmentsDone() {
        attachmentBytes = 0;
        if (attachmentTimer != null) {
            attachmentTimer.cancel(false);
            attachmentTimer = null;
        }
    }

    private void closeForAttachments() {
        closeSockets(DisconnectReason.PARSE_ERROR);
        conn.closeNow(DisconnectReason.PARSE_ERROR);
    }

    private void onParseError(ProtocolException e) {
        LOG.debug("connection {}: {}", conn.id(), e.getMessage());
        server.observers.inputRejected(conn, RejectedInput.MALFORMED_PACKET);
        closeSockets(DisconnectReason.PARSE_ERROR);
        conn.closeNow(DisconnectReason.PARSE_ERROR);
    }

    private void route(SocketPacket packet) {
        if (packet.type() == SocketPacketType.CONNECT) {
            connect(
                    packet.namespace(),
                    packet.data() instanceof ObjectNode auth ? auth : JsonNodeFactory.instance.objectNode());
            return;
        }
        ServerSocketImpl socket = sockets.get(packet.namespace());
        if (socket != null) {
            socket.onPacket(packet);
        } else {
            LOG.debug(
                    "connection {}: {} for namespace {} it has not joined",
                    conn.id(),
                    packet.type(),
                    packet.namespace());
        }
    }

    private void connect(String name, ObjectNode auth) {
        if (sockets.containsKey(name) || joining.containsKey(name)) {
            LOG.debug("connection {}: invalid state: a second CONNECT for {}, closing", conn.id(), name);
            server.observers.inputRejected(conn, RejectedInput.DUPLICATE_CONNECT);
            closeSockets(DisconnectReason.FORCED_SERVER_CLOSE);
            conn.close();
            return;
        }
        NamespaceImpl namespace = name.length() > server.options.maxNamespaceLength() ? null : server.lookup(name);
        if (namespace == null) {
            server.observers.inputRejected(conn, RejectedInput.INVALID_NAMESPACE);
            ObjectNode error = JsonNodeFactory.instance.objectNode().put("message", "Invalid namespace");
            write(SocketEncoder.encode(SocketPacket.connectError(name, error)), false);
            return;
        }
        joining.put(name, namespace);
        namespace.add(this, auth);
    }

    /** A socket passed the middleware and is about to send CONNECT. */
    void added(ServerSocketImpl socket) {
        joining.remove(socket.namespaceName());
        sockets.put(socket.namespaceName(), socket);
        if (connectTimer != null) {
            connectTimer.cancel(false);
            connectTimer = null;
        }
    }

    /** A middleware refused the namespace's CONNECT: the client may ask again. */
    void refused(String namespace) {
        NamespaceImpl nsp = joining.remove(namespace);
        if (nsp != null) {
            server.release(nsp);
        }
    }

    void removed(ServerSocketImpl socket) {
        if (sockets.remove(socket.namespaceName(), socket)) {
            server.release(socket.nsp());
        }
    }

    // ---- outgoing ----

    /** Writes an encoded packet (text, then its attachments); on the loop or from any thread. */
    void write(EncodedPacket packet, boolean volatileOnly) {
        server.observers.sent(conn, packet);
        if (volatileOnly) {
            List<EnginePacket> packets =
                    new ArrayList<>(1 + packet.attachments().size());
            packets.add(EnginePacket.message(packet.text()));
            packet.attachments().forEach(a -> packets.add(EnginePacket.binary(a)));
            conn.sendVolatile(packets);
            return;
        }
        conn.send(packet.text());
        for (byte[] attachment : packet.attachments()) {
            conn.send(attachment);
        }
    }

    /** Writes a CONNECT reply on its own (see {@link EngineSession#sendAlone}); on the loop. */
    void writeConnectReply(EncodedPacket packet) {
        server.observers.sent(conn, packet);
        conn.sendAlone(EnginePacket.message(packet.text()), CONNECT_HOLD_MICROS);
    }

    /** Disconnects every namespace socket, then closes the connection. */
    void disconnectAll() {
        for (ServerSocketImpl socket : new ArrayList<>(sockets.values())) {
            socket.disconnectNow();
        }
        conn.close();
    }

    // ---- closing ----

    @Override
    public void onClose(DisconnectReason reason) {
        closeSockets(reason);
    }

    void closeSockets(DisconnectReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        if (connectTimer != null) {
            connectTimer.cancel(false);
        }
        decoder.reset();
        attachmentsDone();
        for (NamespaceImpl nsp : joining.values()) {
            server.release(nsp);
        }
        joining.clear();
        for (ServerSocketImpl socket : new ArrayList<>(sockets.values())) {
            socket.onClose(reason);
        }
        sockets.clear();
    }
}
