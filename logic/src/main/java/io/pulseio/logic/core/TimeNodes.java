package io.pulseio.logic.core;

import static io.pulseio.logic.core.Core.node;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.time.Cancellable;
import java.util.List;

/**
 * Delay and Timer. Both schedule through the node context, so their timers belong to the scope of the
 * event that started them and are cancelled when that scene is left or the run stops. Neither may be
 * placed in a function body: a call runs to its end at once, so work after the wait would run outside it.
 */
final class TimeNodes {
    private TimeNodes() {}

    static List<NodeType> types() {
        return List.of(delay(), timer());
    }

    private static NodeType delay() {
        NodeDescriptor d = node("delay", "Delay", "Time")
                .description("Fires out after ms milliseconds, as a new event. Each pulse waits on its own.")
                .scopes(Scope.PROJECT, Scope.SCENE)
                .input(PinSpec.pulse("in"))
                .input(PinSpec.optional("ms", PinType.NUMBER, 1000.0).describedAs("milliseconds to wait"))
                .output(PinSpec.pulse("out"))
                .build();
        return NodeType.of(d, setup -> {
            int ms = setup.input("ms");
            int out = setup.output("out");
            return new NodeBehaviour() {
                @Override
                public void run(NodeContext node, int pin) {
                    node.schedule((long) Math.max(0, node.number(ms)), () -> node.fire(out));
                }
            };
        });
    }

    private static NodeType timer() {
        NodeDescriptor d = node("timer", "Timer", "Time")
                .description("start begins firing tick every intervalMs (times ticks, 0 = forever); stop ends it. "
                        + "Starting a running timer restarts it. out fires at once after start or stop.")
                .scopes(Scope.PROJECT, Scope.SCENE)
                .input(PinSpec.pulse("start"))
                .input(PinSpec.pulse("stop"))
                .input(PinSpec.optional("intervalMs", PinType.NUMBER, 1000.0).describedAs("milliseconds between ticks"))
                .input(PinSpec.optional("times", PinType.NUMBER, 0.0)
                        .describedAs("ticks before it stops by itself, 0 = forever"))
                .output(PinSpec.pulse("out"))
                .output(PinSpec.pulse("tick"))
                .output(PinSpec.optional("count", PinType.NUMBER, 0.0).describedAs("ticks since start"))
                .build();
        return NodeType.of(d, TimerBehaviour::new);
    }

    /** One timer: a chain of one-shot schedules, so a stop between ticks leaves nothing behind. */
    private static final class TimerBehaviour implements NodeBehaviour {
        private final int startPin;
        private final int interval;
        private final int times;
        private final int out;
        private final int tick;
        private final int count;
        private Cancellable pending;
        private long ticks;

        TimerBehaviour(NodeSetup setup) {
            startPin = setup.input("start");
            interval = setup.input("intervalMs");
            times = setup.input("times");
            out = setup.output("out");
            tick = setup.output("tick");
            count = setup.output("count");
        }

        @Override
        public void run(NodeContext node, int pin) {
            cancel();
            if (pin == startPin) {
                ticks = 0;
                node.output(count, 0.0);
                long every = (long) Math.max(1, node.number(interval));
                long limit = (long) Math.max(0, node.number(times));
                next(node, every, limit);
            }
            node.fire(out);
        }

        private void next(NodeContext node, long every, long limit) {
            pending = node.schedule(every, () -> {
                ticks++;
                node.output(count, (double) ticks);
                if (limit == 0 || ticks < limit) {
                    next(node, every, limit);
                } else {
                    pending = null;
                }
                node.fire(tick);
            });
        }

        private void cancel() {
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
        }
    }
}
