package io.pulseio.nodes.socketio.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.time.ManualScheduler;
import io.pulseio.nodes.socketio.internal.QueueExecutor;
import io.pulseio.nodes.socketio.internal.RecordingContext;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The lifecycle of a hosted server, with the control thread run inline and the logic queue run by hand. */
class HostedServerTest {
    private final QueueExecutor logic = new QueueExecutor();
    private final RecordingContext context = new RecordingContext(logic, new ManualScheduler());

    private HostedServer server(Function<ServerOptions, SocketIoServer> factory) {
        var settings = new ServerSettings("srv", "127.0.0.1", 0, ServerSettings.DEFAULT_PATH, List.of(), null, null,
                ServerSettings.DEFAULT_PING_INTERVAL_MILLIS, ServerSettings.DEFAULT_PING_TIMEOUT_MILLIS,
                ServerSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS, ServerSettings.DEFAULT_MAX_HTTP_BUFFER_SIZE, 0);
        return new HostedServer(settings, new ServerEvents(context, "srv"), logic, Runnable::run, factory);
    }

    @Test
    void anErrorWhileBindingIsABindErrorAndALaterStartTriesAgain() {
        AtomicInteger tries = new AtomicInteger();
        HostedServer s = server(options -> {
            tries.incrementAndGet();
            throw new NoClassDefFoundError("io/netty/channel/epoll/Missing");
        });

        s.start();
        logic.runUntil(() -> !context.fired("onServerError").isEmpty());
        assertThat(context.fired("onServerError")).singleElement().asString()
                .contains("reason=bind error").contains("io/netty/channel/epoll/Missing");

        s.start();
        assertThat(tries).hasValue(2);
    }
}
