package io.pulseio.client.internal;

import io.pulseio.client.internal.engine.Engine;
import io.pulseio.client.internal.engine.EngineListener;
import io.pulseio.client.internal.engine.EngineOptions;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.Handshake;
import java.util.ArrayList;
import java.util.List;

/** An Engine that records what the Manager sends and lets a test play the server. */
final class FakeEngine implements Engine {
    final EngineOptions options;
    final EngineListener listener;
    final List<EnginePacket> sent = new ArrayList<>();
    boolean opened;
    boolean closed;
    boolean writable = true;
    String transport = "websocket";

    FakeEngine(EngineOptions options, EngineListener listener) {
        this.options = options;
        this.listener = listener;
    }

    @Override
    public void open() {
        opened = true;
    }

    @Override
    public void send(EnginePacket packet) {
        sent.add(packet);
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void whenReleased(Runnable task) {
        task.run();
    }

    @Override
    public String transport() {
        return transport;
    }

    @Override
    public boolean writable() {
        return writable;
    }

    /** The server's handshake arrives. */
    void acceptOpen() {
        listener.onOpen(new Handshake("engine-sid", List.of("websocket"), 25000, 20000, 1_000_000));
    }

    /** A Socket.IO packet (its text) arrives from the server. */
    void receive(String text) {
        listener.onMessage(EnginePacket.message(text));
    }

    void receiveBinary(byte[] data) {
        listener.onMessage(EnginePacket.binary(data));
    }

    /** The session ends by itself. */
    void drop(String reason) {
        listener.onClose(reason, null);
    }

    /** The text packets sent, as Socket.IO text. */
    List<String> texts() {
        List<String> out = new ArrayList<>();
        for (EnginePacket p : sent) {
            out.add(p.isBinary() ? "<binary " + p.binary().length + ">" : p.text());
        }
        return out;
    }

    /** Forgets what was sent so far. */
    List<String> takeTexts() {
        List<String> out = texts();
        sent.clear();
        return out;
    }
}
