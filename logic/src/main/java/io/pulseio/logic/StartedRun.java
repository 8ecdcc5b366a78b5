package io.pulseio.logic;

import io.pulseio.logic.debug.DebugListener;
import io.pulseio.logic.debug.Debugger;
import io.pulseio.logic.internal.run.Run;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * The {@link ProjectRun} that {@link LoadedProject} hands out: the runtime's {@code Run}, seen through
 * the API. It only forwards, so that the runtime needs no type of this package. Thread-safe, as the run is.
 */
final class StartedRun implements ProjectRun {
    private final Run run;

    StartedRun(Run run) {
        this.run = run;
    }

    @Override
    public String projectName() {
        return run.projectName();
    }

    @Override
    public void stop(int exitCode) {
        run.stop(exitCode);
    }

    @Override
    public CompletionStage<Integer> exitCode() {
        return run.exitCode();
    }

    @Override
    public int awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
        return run.awaitExit(timeout);
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return run.awaitIdle(timeout);
    }

    @Override
    public Debugger attachDebugger(DebugListener listener) {
        return run.attachDebugger(listener);
    }

    @Override
    public Optional<Debugger> debugger() {
        return run.debugger();
    }

    @Override
    public int queueLength() {
        return run.queueLength();
    }

    @Override
    public boolean isStopped() {
        return run.isStopped();
    }

    @Override
    public void close() {
        run.close();
    }
}
