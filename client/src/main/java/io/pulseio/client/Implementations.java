package io.pulseio.client;

import io.netty.channel.EventLoop;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * {@link SocketIoClient#create(ClientOptions)} reaches its implementation by class name, looked up
 * once, so that the internal package depends on this one and never the other way round (no package
 * cycle: see ARCHITECTURE.md). A renamed implementation fails every client's creation, which every
 * client test would show. Thread-safe.
 */
final class Implementations {
    private static final MethodHandle CLIENT =
            constructor("io.pulseio.client.internal.Manager", ClientOptions.class, EventLoop.class, Runnable.class);

    private Implementations() {}

    /**
     * A new client on {@code loop}; {@code releaseThreads} (or null) runs once on its close. Its
     * exceptions as they are (none is checked).
     */
    static SocketIoClient client(ClientOptions options, EventLoop loop, Runnable releaseThreads) {
        try {
            return (SocketIoClient) CLIENT.invoke(options, loop, releaseThreads);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The constructor of the class {@code name} taking {@code parameters}.
     *
     * @throws ExceptionInInitializerError when there is no such class or constructor (so a renamed
     *     implementation fails this class's initialisation, and with it every client's creation)
     */
    static MethodHandle constructor(String name, Class<?>... parameters) {
        try {
            Class<?> type = Class.forName(name);
            return MethodHandles.lookup().findConstructor(type, MethodType.methodType(void.class, parameters));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
