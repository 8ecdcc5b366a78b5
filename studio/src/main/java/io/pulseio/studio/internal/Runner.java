package io.pulseio.studio.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.logic.LoadResult;
import io.pulseio.logic.ProjectLoader;
import io.pulseio.logic.ProjectRun;
import io.pulseio.logic.RunOptions;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs the project being edited in this process, one run at a time, and says when its state
 * changes ({@code {"state": "running"|"stopped", "exitCode"?}}). Its trace and printed lines go to
 * the {@link TraceBatcher}. Called on the studio's control thread; the state callback may come
 * from the run's logic thread.
 */
public final class Runner implements AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private final ProjectLoader loader;
    private final TraceBatcher batcher;
    private final Consumer<ObjectNode> state;
    private final Debugging debugging;
    private ProjectRun run;

    /** Each run is started paused, given to {@code debugging} (which sets its breakpoints) and resumed. */
    public Runner(ProjectLoader loader, TraceBatcher batcher, Debugging debugging, Consumer<ObjectNode> state) {
        this.loader = loader;
        this.batcher = batcher;
        this.debugging = debugging;
        this.state = state;
    }

    /** Whether a run is going on. */
    public synchronized boolean running() {
        return run != null && !run.isStopped();
    }

    /**
     * Starts {@code projectText}; answers {@code {"ok": true}} or {@code {"ok": false, "error",
     * "problems"?}} when it is invalid or a run is going on.
     */
    public synchronized ObjectNode start(String projectText) {
        if (running()) {
            return failure("the project is already running: stop it first, or restart");
        }
        LoadResult result = loader.load(projectText);
        if (!result.isValid()) {
            ObjectNode answer = failure("the project has problems; it was not started");
            answer.set("problems", Catalogue.problems(result.problems()));
            return answer;
        }
        ProjectRun started = result.orThrow()
                .startPaused(
                        RunOptions.builder()
                                .trace(batcher)
                                .output(batcher::printed)
                                .build(),
                        debugging.listener());
        run = started;
        // attached before the page hears "running", so a pause sent on hearing it finds the debugger
        started.debugger().ifPresent(debugging::attach);
        state.accept(Json.MAPPER.createObjectNode().put("state", "running"));
        started.exitCode().whenComplete((code, failure) -> {
            debugging.detach();
            state.accept(
                    Json.MAPPER.createObjectNode().put("state", "stopped").put("exitCode", code == null ? 70 : code));
        });
        return Json.MAPPER.createObjectNode().put("ok", true);
    }

    /** Stops the run and waits for it to end; answers whether one was running. */
    public synchronized ObjectNode stop() {
        if (!running()) {
            return failure("the project is not running");
        }
        run.stop(0);
        try {
            run.awaitExit(STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("interrupted while waiting for the run to stop");
        } catch (TimeoutException e) {
            return failure("the run did not stop within " + STOP_WAIT.toSeconds() + " s");
        }
        return Json.MAPPER.createObjectNode().put("ok", true);
    }

    /** Stops the current run (if any) and starts {@code projectText}. */
    public synchronized ObjectNode restart(String projectText) {
        if (running()) {
            ObjectNode stopped = stop();
            if (!stopped.path("ok").asBoolean()) {
                return stopped;
            }
        }
        return start(projectText);
    }

    static ObjectNode failure(String error) {
        return Json.MAPPER.createObjectNode().put("ok", false).put("error", error);
    }

    @Override
    public synchronized void close() {
        if (run != null) {
            run.close();
        }
    }
}
