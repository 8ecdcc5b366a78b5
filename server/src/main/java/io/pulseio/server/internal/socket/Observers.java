package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.protocol.EncodedPacket;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.EngineSocket;
import io.pulseio.server.Namespace;
import io.pulseio.server.RejectedInput;
import io.pulseio.server.ServerObserver;
import io.pulseio.server.ServerSocket;
import io.pulseio.server.Subscription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@link ServerObserver}s, called from every thread. The array is replaced on each
 * change and read without a lock; {@link #any()} is the one check the hot paths pay when there
 * is none.
 */
final class Observers {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");
    private static final ServerObserver[] NONE = {};
    private volatile ServerObserver[] all = NONE;

    boolean any() {
        return all.length != 0;
    }

    synchronized Subscription add(ServerObserver observer) {
        Objects.requireNonNull(observer, "observer");
        ServerObserver[] grown = Arrays.copyOf(all, all.length + 1);
        grown[all.length] = observer;
        all = grown;
        return () -> remove(observer);
    }

    private synchronized void remove(ServerObserver observer) {
        List<ServerObserver> left = new ArrayList<>(Arrays.asList(all));
        if (left.remove(observer)) {
            all = left.toArray(NONE);
        }
    }

    void each(Consumer<ServerObserver> call) {
        for (ServerObserver observer : all) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                LOG.warn("server observer {} failed", observer, e);
            }
        }
    }

    void namespaceCreated(Namespace nsp) {
        if (any()) {
            each(o -> o.namespaceCreated(nsp));
        }
    }

    void namespaceRemoved(Namespace nsp) {
        if (any()) {
            each(o -> o.namespaceRemoved(nsp));
        }
    }

    void sessionClosed(EngineSocket session, DisconnectReason reason) {
        if (any()) {
            each(o -> o.sessionClosed(session, reason));
        }
    }

    void received(EngineSocket session, String text) {
        if (any()) {
            int bytes = utf8Length(text);
            each(o -> o.messageReceived(session, bytes));
        }
    }

    void received(EngineSocket session, byte[] data) {
        if (any()) {
            each(o -> o.messageReceived(session, data.length));
        }
    }

    /** A packet's text and each of its attachments, handed to the session. */
    void sent(EngineSocket session, EncodedPacket packet) {
        if (any()) {
            int text = utf8Length(packet.text());
            each(o -> o.messageSent(session, text));
            for (byte[] attachment : packet.attachments()) {
                each(o -> o.messageSent(session, attachment.length));
            }
        }
    }

    void roomJoined(Namespace nsp, String room, String socketId) {
        if (any()) {
            each(o -> o.roomJoined(nsp, room, socketId));
        }
    }

    void roomLeft(Namespace nsp, String room, String socketId) {
        if (any()) {
            each(o -> o.roomLeft(nsp, room, socketId));
        }
    }

    void ackSent(ServerSocket socket) {
        if (any()) {
            each(o -> o.ackSent(socket));
        }
    }

    void ackReceived(ServerSocket socket) {
        if (any()) {
            each(o -> o.ackReceived(socket));
        }
    }

    void ackTimedOut(ServerSocket socket) {
        if (any()) {
            each(o -> o.ackTimedOut(socket));
        }
    }

    void outboundOverflowed(EngineSocket session) {
        if (any()) {
            each(o -> o.outboundOverflowed(session));
        }
    }

    void inputRejected(EngineSocket session, RejectedInput kind) {
        if (any()) {
            each(o -> o.inputRejected(session, kind));
        }
    }

    /** An EVENT packet going to one socket (other packets are not reported). */
    void eventSent(ServerSocket socket, SocketPacket packet) {
        if (!any()
                || !(packet.data() instanceof com.fasterxml.jackson.databind.node.ArrayNode data)
                || data.isEmpty()
                || !data.get(0).isTextual()) {
            return;
        }
        String event = data.get(0).textValue();
        List<JsonNode> args = new ArrayList<>(data.size() - 1);
        for (int i = 1; i < data.size(); i++) {
            args.add(data.get(i));
        }
        List<JsonNode> view = Collections.unmodifiableList(args);
        each(o -> o.eventSent(socket, event, view));
    }

    /** The UTF-8 length of a string without encoding it. */
    static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // 4 bytes for the pair, counted as 2 chars already
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }
}
