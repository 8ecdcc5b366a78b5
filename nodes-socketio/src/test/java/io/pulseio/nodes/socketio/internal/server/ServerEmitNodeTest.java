package io.pulseio.nodes.socketio.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.Signature;
import io.pulseio.logic.time.Cancellable;
import io.pulseio.logic.time.ManualScheduler;
import io.pulseio.nodes.socketio.internal.client.Connections;
import io.pulseio.nodes.socketio.internal.plugin.SocketIoRun;
import io.pulseio.nodes.socketio.internal.shared.NodeError;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;
import io.pulseio.nodes.socketio.internal.shared.QueueExecutor;
import io.pulseio.nodes.socketio.internal.shared.RecordingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server action behaviours, run with a hand-made node: what they pull from their inputs. */
class ServerEmitNodeTest {
    private static final int EVENT = 0;
    private static final int NAMESPACE = 1;
    private static final int TO = 2;
    private static final int MESSAGE = 3;

    private final RecordingContext context = new RecordingContext(new QueueExecutor(), new ManualScheduler());
    private final SocketIoRun run = new SocketIoRun(
            new Connections(context, List.of()),
            new Servers(
                    context,
                    List.of(new ServerSettings(
                            "srv",
                            "127.0.0.1",
                            0,
                            ServerSettings.DEFAULT_PATH,
                            List.of(),
                            null,
                            null,
                            1000,
                            1000,
                            1000,
                            1000,
                            0,
                            null,
                            null))));
    private final List<Integer> pulled = new ArrayList<>();

    @Test
    void serverEmitPullsItsMessageOnce() {
        NodeBehaviour emit = ServerEmitNode.behaviour(setup(Map.of(
                ServerNodes.SERVER,
                "srv",
                ServerEmitNode.TARGET,
                ServerEmitNode.TO_NAMESPACE,
                NodeShapes.MESSAGE_FORMAT,
                "text")));

        // the server is not started, so the emit fails: after its inputs were read
        assertThatThrownBy(() -> emit.run(node(), 0)).isInstanceOf(NodeError.class);
        assertThat(pulled).filteredOn(i -> i == MESSAGE).hasSize(1);
    }

    private NodeSetup setup(Map<String, ?> attributes) {
        return new NodeSetup() {
            @Override
            public NodeSpec spec() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Attributes attributes() {
                return Attributes.of(attributes);
            }

            @Override
            public Signature signature() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Scope scope() {
                return Scope.PROJECT;
            }

            @Override
            public String owner() {
                return "project";
            }

            @Override
            public ProjectSpec project() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int input(String name) {
                return switch (name) {
                    case "eventName" -> EVENT;
                    case "namespace" -> NAMESPACE;
                    case "to" -> TO;
                    case "message" -> MESSAGE;
                    default -> throw new IllegalArgumentException(name);
                };
            }

            @Override
            public int output(String name) {
                return 0;
            }

            @Override
            public <T> T pluginRun(Class<T> type) {
                return type.cast(run);
            }
        };
    }

    /** A node whose inputs are constants, counting each pull. */
    private NodeContext node() {
        return new NodeContext() {
            @Override
            public String id() {
                return "emit";
            }

            @Override
            public Attributes attributes() {
                return Attributes.empty();
            }

            @Override
            public Object input(int input) {
                return string(input);
            }

            @Override
            public String string(int input) {
                pulled.add(input);
                return switch (input) {
                    case EVENT -> "news";
                    case NAMESPACE -> "/";
                    case MESSAGE -> "hello";
                    default -> "";
                };
            }

            @Override
            public double number(int input) {
                pulled.add(input);
                return 0;
            }

            @Override
            public boolean bool(int input) {
                pulled.add(input);
                return false;
            }

            @Override
            public void output(int output, Object value) {}

            @Override
            public void fire(int output) {}

            @Override
            public Cancellable schedule(long delayMillis, Runnable task) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void own(AutoCloseable resource) {}

            @Override
            public java.util.concurrent.Executor answerLater() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
