package io.pulseio.logic;

import io.pulseio.logic.internal.load.Loader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** The largest project file the loader reads: 16 MiB. */
    public static final long MAX_FILE_BYTES = Loader.MAX_CHARS;

    /** Loads a UTF-8 file; an unreadable file throws, every problem inside it is in the result. */
    public LoadResult load(Path file) throws IOException {
        return load(read(file));
    }

    /**
     * The text of a project file, read as UTF-8 without reading more than {@link #MAX_FILE_BYTES}
     * (so {@code /dev/zero} or a runaway file fails at once instead of exhausting memory).
     *
     * @throws IOException when the file cannot be read, is not UTF-8, or is larger than the limit
     */
    public static String read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IOException(
                    "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB, the most a project may have");
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // a byte-order mark (Windows editors write one) is not part of the JSON text
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new IOException("the file is not UTF-8 text", e);
        }
    }

    /** Loads project JSON text (a leading byte-order mark is ignored). */
    public LoadResult load(String json) {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        Loader.Outcome outcome = new Loader(registry.catalog(), environment).load(text);
        if (!outcome.problems().isEmpty()) {
            return LoadResult.of(null, outcome.problems(), outcome.signatures());
        }
        return LoadResult.of(new LoadedProject(outcome.project(), registry), List.of(), outcome.signatures());
    }

    /** Options for a {@link ProjectLoader}. Not thread-safe. */
    public static final class Builder {
        private NodeRegistry registry;
        private Map<String, String> environment = System.getenv();

        private Builder() {}

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
