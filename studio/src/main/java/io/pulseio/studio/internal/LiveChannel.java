package io.pulseio.studio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.logic.LoadResult;
import io.pulseio.logic.ProjectLoader;
import io.pulseio.server.Ack;
import io.pulseio.server.Namespace;
import io.pulseio.server.ServerSocket;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's Socket.IO namespace {@code /studio}: the page's commands, each answered through its
 * acknowledgement, and the events the studio pushes. Commands (argument → answer):
 * <ul>
 * <li>{@code open} → {@code {file, text, version, catalogue, problems, signatures, running}}</li>
 * <li>{@code check} {@code {text, catalogue?}} → {@code {problems, signatures, catalogue?}} ({@code
 * signatures}: the pins the loader works out for the nodes whose pins are not their descriptor's, see
 * {@link Catalogue#signatures}; {@code catalogue} left out when its key is the one the page sent)</li>
 * <li>{@code save} {@code {text, base?, force?}} → {@code {ok, text, version}} or
 * {@code {ok: false, conflict, version, error}} ({@code version}: the file's on disk now); {@code base} is the
 * version the page edited from</li>
 * <li>{@code run} / {@code restart} {@code {text}}, {@code stop} → {@code {ok, error?, problems?}}</li>
 * <li>{@code breakpoint} {@code {node, enabled?, condition?}}, {@code removeBreakpoint} {@code {node}},
 * {@code pause}, {@code resume}, {@code step}, {@code stepOver}, {@code stepOut} → {@code {ok, ...debug
 * state}}; {@code values} {@code {node, full?}} → {@code {ok, node, type, inputs, outputs}} ({@link Debugging})</li>
 * </ul>
 * Pushed: {@code runState} {@code {state, exitCode?}}, {@code debug} (the {@link Debugging} state) and {@code trace} (a {@link TraceBatcher}
 * batch, at most one every {@link #BATCH_MILLIS} ms). Commands run one at a time on the control
 * thread, in the order they arrived.
 */
public final class LiveChannel implements AutoCloseable {
    static final long BATCH_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.studio");
    private final Namespace namespace;
    private final ProjectFile file;
    private final ProjectLoader loader;
    private final Catalogue catalogue;
    private final TraceBatcher batcher = new TraceBatcher();
    private final Runner runner;
    private final Debugging debugging;
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> thread(r, "pulseio-studio"));
    /**
     * How long the loader's last full answer serves an open of the same text. A page opened (or
     * reloaded) soon after a check gets it at once; a later open checks again, so a file the project
     * names that appeared or went away since is seen.
     */
    static final long LAST_CHECK_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** The loader's last full answer (with the catalogue), for an open (control thread only). */
    private LastCheck lastCheck;

    private record LastCheck(String text, ObjectNode answer, long madeAt) {}

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(r -> thread(r, "pulseio-studio-trace"));

    public LiveChannel(Namespace namespace, ProjectFile file, ProjectLoader loader) {
        this.namespace = namespace;
        this.file = file;
        this.loader = loader;
        this.catalogue = new Catalogue(loader.registry());
        this.debugging = new Debugging(state -> push("debug", state));
        this.runner = new Runner(loader, batcher, debugging, state -> push("runState", state));
        namespace.onConnection(this::attach);
        timer.scheduleWithFixedDelay(this::flush, BATCH_MILLIS, BATCH_MILLIS, TimeUnit.MILLISECONDS);
        // Check the project once before the page asks: an open soon after answers with that check when
        // the file's text is still the same (commands queue behind this on the control thread), and the
        // loader's code is compiled for later ones.
        control.execute(this::warmUp);
    }

    private void warmUp() {
        try {
            check(file.text(), null);
        } catch (RuntimeException e) {
            LOG.debug("studio warm-up check failed (the page's open will report it)", e);
        }
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void attach(ServerSocket socket) {
        command(socket, "open", args -> open());
        command(
                socket,
                "check",
                args -> check(text(args), args.path("catalogue").asText(null)));
        command(
                socket,
                "save",
                args -> save(
                        text(args),
                        args.path("base").asText(null),
                        args.path("force").asBoolean(false)));
        command(socket, "run", args -> runner.start(text(args)));
        command(socket, "restart", args -> runner.restart(text(args)));
        command(socket, "stop", args -> runner.stop());
        command(socket, "breakpoint", debugging::setBreakpoint);
        command(socket, "removeBreakpoint", debugging::removeBreakpoint);
        for (String control : List.of("pause", "resume", "step", "stepOver", "stepOut")) {
            command(socket, control, args -> debugging.control(control));
        }
        command(socket, "values", debugging::values);
    }

    private interface Command {
        ObjectNode answer(JsonNode args) throws IOException;
    }

    private void command(ServerSocket socket, String name, Command command) {
        socket.on(
                name,
                (List<JsonNode> args, Ack ack) -> control.execute(() -> {
                    ObjectNode answer;
                    try {
                        answer = command.answer(args.isEmpty() ? Json.MAPPER.createObjectNode() : args.get(0));
                    } catch (BadCommandException | IOException e) {
                        answer = Runner.failure(name + ": " + e.getMessage());
                    } catch (RuntimeException e) {
                        LOG.warn("studio command {} failed", name, e);
                        answer = Runner.failure(name + " failed: " + e);
                    }
                    if (ack != null) {
                        ack.send(answer);
                    }
                }));
    }

    private static final class BadCommandException extends RuntimeException {
        BadCommandException(String message) {
            super(message);
        }
    }

    private static String text(JsonNode args) {
        JsonNode text = args.get("text");
        if (text == null || !text.isTextual()) {
            throw new BadCommandException("needs {\"text\": \"<the project as JSON text>\"}");
        }
        return text.textValue();
    }

    private ObjectNode open() throws IOException {
        ProjectFile.Snapshot snapshot = file.read();
        String text = snapshot.text();
        LastCheck last = lastCheck;
        ObjectNode answer =
                last != null && last.text().equals(text) && System.nanoTime() - last.madeAt() < LAST_CHECK_NANOS
                        ? last.answer().deepCopy()
                        : check(text, null);
        answer.put("ok", true)
                .put("file", file.path().toString())
                .put("text", text)
                .put("version", snapshot.version())
                .put("running", runner.running());
        answer.set("debug", debugging.snapshot());
        return answer;
    }

    /** The loader's answer; the catalogue is left out when its key is {@code knownCatalogue}. */
    private ObjectNode check(String text, String knownCatalogue) {
        ObjectNode answer = Json.MAPPER.createObjectNode().put("ok", true);
        LoadResult loaded = loader.load(text);
        JsonNode parsed = Catalogue.parse(text);
        answer.set("problems", Catalogue.problems(loaded.problems()));
        answer.set("signatures", catalogue.signatures(loaded.signatures(), Catalogue.nodeTypes(parsed)));
        ObjectNode toolbox = catalogue.forProject(parsed);
        answer.set("catalogue", toolbox);
        lastCheck = new LastCheck(text, answer.deepCopy(), System.nanoTime());
        if (toolbox.path("key").asText().equals(knownCatalogue)) {
            answer.remove("catalogue");
        }
        return answer;
    }

    private ObjectNode save(String text, String base, boolean force) throws IOException {
        ProjectFile.Saved saved;
        try {
            saved = base == null ? file.save(text, force) : file.save(text, base, force);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Runner.failure("save: the text is not JSON: " + e.getOriginalMessage());
        }
        if (!saved.written()) {
            // the version on disk now (or "deleted"): the page can save again on it without a second open
            return Runner.failure(saved.conflict()).put("conflict", true).put("version", saved.version());
        }
        ObjectNode answer = check(saved.text(), null);
        return answer.put("text", saved.text()).put("version", saved.version());
    }

    private void flush() {
        try {
            ObjectNode batch = batcher.take();
            if (batch != null) {
                push("trace", batch);
            }
            debugging.tick();
        } catch (RuntimeException e) {
            LOG.warn("studio trace batch failed", e);
        }
    }

    private void push(String event, ObjectNode payload) {
        for (ServerSocket s : namespace.sockets()) {
            s.emit(event, payload);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        control.shutdownNow();
        runner.close();
    }
}
