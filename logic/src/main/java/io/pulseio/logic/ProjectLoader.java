package io.pulseio.logic;

import io.pulseio.logic.internal.load.Loader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Loads project files: parse → validate → link, reporting every problem at once. Immutable and
 * thread-safe; one loader may load many projects.
 *
 * <pre>{@code
 * LoadResult result = ProjectLoader.builder().build().load(Path.of("hello.pulseio.json"));
 * if (!result.isValid()) result.problems().forEach(System.err::println);
 * }</pre>
 */
public final class ProjectLoader {
    private final NodeRegistry registry;
    private final Map<String, String> environment;

    private ProjectLoader(Builder b) {
        this.registry = b.registry;
        this.environment = Map.copyOf(b.environment);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The registry projects are checked against. */
    public NodeRegistry registry() {
        return registry;
    }

    /** Loads a UTF-8 file; an unreadable file throws, every problem inside it is in the result. */
    public LoadResult load(Path file) throws IOException {
        return load(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Loads project JSON text. */
    public LoadResult load(String json) {
        Loader.Outcome outcome = new Loader(registry, environment).load(json);
        if (!outcome.problems().isEmpty()) {
            return LoadResult.invalid(outcome.problems());
        }
        return LoadResult.valid(new LoadedProject(outcome.project()));
    }

    /** Options for a {@link ProjectLoader}. Not thread-safe. */
    public static final class Builder {
        private NodeRegistry registry;
        private Map<String, String> environment = System.getenv();

        private Builder() {
        }

        /** The plugins to check against; {@link NodeRegistry#discover()} unless set. */
        public Builder registry(NodeRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Where {@code ${env:NAME}} values come from; the process environment unless set. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        public ProjectLoader build() {
            if (registry == null) {
                registry = NodeRegistry.discover();
            }
            return new ProjectLoader(this);
        }
    }
}
