package io.pulseio.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoop;
import org.junit.jupiter.api.Test;

/** The lookup by name fails loudly when an implementation is missing or its constructor changed. */
class ImplementationsTest {

    @Test
    void aMissingClassFailsTheLookup() {
        assertThatThrownBy(() -> Implementations.constructor(
                        "io.pulseio.client.internal.NoSuchManager",
                        ClientOptions.class,
                        EventLoop.class,
                        Runnable.class))
                .isInstanceOf(ExceptionInInitializerError.class)
                .hasCauseInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aChangedConstructorFailsTheLookup() {
        assertThatThrownBy(() -> Implementations.constructor("io.pulseio.client.internal.Manager", ClientOptions.class))
                .isInstanceOf(ExceptionInInitializerError.class)
                .hasCauseInstanceOf(NoSuchMethodException.class);
    }
}
