package io.pulseio.metrics.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.EngineSocket;
import io.pulseio.server.RejectedInput;
import io.pulseio.server.ServerObserver;
import io.pulseio.server.ServerSocket;
import io.pulseio.server.Transport;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server's meters, fed by its {@link ServerObserver} calls (from every event loop: Micrometer's
 * counters are thread-safe). Every series is made here, so none is looked up per message.
 */
public final class ServerMeters implements ServerObserver {
    private final AtomicLong connections;
    private final Map<Transport, Counter> handshakes = new EnumMap<>(Transport.class);
    private final Map<DisconnectReason, Counter> disconnects = new EnumMap<>(DisconnectReason.class);
    private final Map<RejectedInput, Counter> rejected = new EnumMap<>(RejectedInput.class);
    private final Counter upgrades;
    private final Counter packetsIn;
    private final Counter packetsOut;
    private final Counter bytesIn;
    private final Counter bytesOut;
    private final Counter acksSent;
    private final Counter acksReceived;
    private final Counter ackTimeouts;
    private final Counter overflows;

    /** Registers the meters of one server, each with the label {@code server=name}. */
    public ServerMeters(MeterRegistry registry, String name) {
        Tags tags = Tags.of("server", name);
        connections = SharedGauges.of(registry, "pulseio.server.connections", tags, "Engine.IO sessions open now");
        for (Transport t : Transport.values()) {
            handshakes.put(
                    t,
                    Counter.builder("pulseio.server.handshakes")
                            .description("Engine.IO sessions opened, by first transport")
                            .tags(tags)
                            .tag("transport", t.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        for (DisconnectReason r : DisconnectReason.values()) {
            disconnects.put(
                    r,
                    Counter.builder("pulseio.server.disconnects")
                            .description("Engine.IO sessions closed, by reason")
                            .tags(tags)
                            .tag("reason", r.reason())
                            .register(registry));
        }
        for (RejectedInput k : RejectedInput.values()) {
            rejected.put(
                    k,
                    Counter.builder("pulseio.server.rejected")
                            .description("client input the server refused, by kind")
                            .tags(tags)
                            .tag("kind", k.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        upgrades = counter(registry, "pulseio.server.upgrades", "sessions upgraded to WebSocket", tags);
        packetsIn = counter(
                registry,
                "pulseio.server.packets.received",
                "Engine.IO messages received (packets and binary attachments)",
                tags);
        packetsOut =
                counter(registry, "pulseio.server.packets.sent", "Engine.IO messages handed to sessions to send", tags);
        bytesIn = counter(
                registry, "pulseio.server.bytes.received", "bytes of the messages received (UTF-8 for text)", tags);
        bytesOut = counter(registry, "pulseio.server.bytes.sent", "bytes of the messages sent (UTF-8 for text)", tags);
        acksSent = counter(registry, "pulseio.server.acks.sent", "ack answers sent to clients", tags);
        acksReceived =
                counter(registry, "pulseio.server.acks.received", "ack answers received in time from clients", tags);
        ackTimeouts = counter(
                registry, "pulseio.server.ack.timeouts", "events sent with an ack id that got no answer in time", tags);
        overflows = counter(
                registry,
                "pulseio.server.outbound.overflows",
                "sessions closed for going over maxOutboundBufferSize",
                tags);
    }

    private static Counter counter(MeterRegistry registry, String name, String description, Tags tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    @Override
    public void sessionOpened(EngineSocket session) {
        connections.incrementAndGet();
        handshakes.get(session.transport()).increment();
    }

    @Override
    public void sessionUpgraded(EngineSocket session) {
        upgrades.increment();
    }

    @Override
    public void sessionClosed(EngineSocket session, DisconnectReason reason) {
        connections.decrementAndGet();
        disconnects.get(reason).increment();
    }

    @Override
    public void messageReceived(EngineSocket session, int bytes) {
        packetsIn.increment();
        bytesIn.increment(bytes);
    }

    @Override
    public void messageSent(EngineSocket session, int bytes) {
        packetsOut.increment();
        bytesOut.increment(bytes);
    }

    @Override
    public void ackSent(ServerSocket socket) {
        acksSent.increment();
    }

    @Override
    public void ackReceived(ServerSocket socket) {
        acksReceived.increment();
    }

    @Override
    public void ackTimedOut(ServerSocket socket) {
        ackTimeouts.increment();
    }

    @Override
    public void outboundOverflowed(EngineSocket session) {
        overflows.increment();
    }

    @Override
    public void inputRejected(EngineSocket session, RejectedInput kind) {
        rejected.get(kind).increment();
    }

    @Override
    public String toString() {
        return "metrics";
    }
}
