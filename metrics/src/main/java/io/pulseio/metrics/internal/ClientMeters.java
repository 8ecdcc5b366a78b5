package io.pulseio.metrics.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.pulseio.client.ClientListener;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The meters of the clients bound under one name: reconnections (a {@link ClientListener}, on
 * each client's callback executor) and the emits waiting in their send buffers (the options'
 * send buffer listener, on each client's event loop). Thread-safe.
 */
public final class ClientMeters implements ClientListener, IntConsumer {
    private final AtomicLong waiting;
    private final Counter attempts;
    private final Counter reconnects;

    /** Registers (or finds, for a name bound before) the meters labelled {@code client=name}. */
    public ClientMeters(MeterRegistry registry, String name) {
        Tags tags = Tags.of("client", name);
        attempts = Counter.builder("pulseio.client.reconnect.attempts")
                .description("reconnection attempts started")
                .tags(tags)
                .register(registry);
        reconnects = Counter.builder("pulseio.client.reconnects")
                .description("reconnections that succeeded")
                .tags(tags)
                .register(registry);
        waiting = SharedGauges.of(
                registry,
                "pulseio.client.send.buffer",
                tags,
                "emits waiting to be sent: buffered while not connected, or queued behind"
                        + " an at-least-once emit in flight");
    }

    /** A change of one socket's waiting emits. */
    @Override
    public void accept(int change) {
        waiting.addAndGet(change);
    }

    @Override
    public void onReconnectAttempt(int attempt) {
        attempts.increment();
    }

    @Override
    public void onReconnect(int attempt) {
        reconnects.increment();
    }
}
