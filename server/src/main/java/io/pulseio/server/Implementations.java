package io.pulseio.server;

import io.netty.channel.EventLoopGroup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The API's factories reach the implementations by class name, looked up once, so that the
 * internal packages depend on this one and never the other way round (no package cycle: see
 * ARCHITECTURE.md). A renamed implementation fails every server's creation, which every server test
 * would show. Thread-safe.
 */
final class Implementations {
    private static final String INTERNAL = "io.pulseio.server.internal.";
    private static final MethodHandle ENGINE =
            constructor("engine.EngineServerImpl", ServerOptions.class, EventLoopGroup.class);
    private static final MethodHandle SOCKET_IO =
            constructor("socket.SocketIoServerImpl", ServerOptions.class, EventLoopGroup.class);
    private static final MethodHandle IN_MEMORY = constructor("socket.InMemoryAdapter", Adapter.Context.class);
    private static final MethodHandle IN_MEMORY_WITH_ROOMS =
            constructor("socket.InMemoryAdapter", Adapter.Context.class, Adapter.RoomListener.class);

    private Implementations() {}

    static EngineServer engineServer(ServerOptions options, EventLoopGroup loops) {
        return (EngineServer) make(ENGINE, options, loops);
    }

    static SocketIoServer socketIoServer(ServerOptions options, EventLoopGroup loops) {
        return (SocketIoServer) make(SOCKET_IO, options, loops);
    }

    static Adapter inMemoryAdapter(Adapter.Context context) {
        return (Adapter) make(IN_MEMORY, context);
    }

    static Adapter inMemoryAdapter(Adapter.Context context, Adapter.RoomListener rooms) {
        return (Adapter) make(IN_MEMORY_WITH_ROOMS, context, rooms);
    }

    /** The constructor's result; its exceptions as they are (none is checked). */
    private static Object make(MethodHandle constructor, Object... arguments) {
        try {
            return constructor.invokeWithArguments(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle constructor(String name, Class<?>... parameters) {
        try {
            Class<?> type = Class.forName(INTERNAL + name);
            return MethodHandles.lookup().findConstructor(type, MethodType.methodType(void.class, parameters));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
