package io.pulseio.studio;

import io.pulseio.studio.internal.PageBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The studio's built page: {@code index.html} and its {@code assets/}. Found in the jar (built by
 * Maven when Node.js was present), in a folder, or built on first use from the page's sources.
 * Immutable, thread-safe.
 */
public final class StudioPage {
    private static final String RESOURCE = "io/pulseio/studio/page/";
    private final Function<String, Optional<byte[]>> reader;
    private final String where;

    private StudioPage(Function<String, Optional<byte[]>> reader, String where) {
        this.reader = reader;
        this.where = where;
    }

    /** The page built into the studio jar, if it was. */
    public static Optional<StudioPage> bundled() {
        ClassLoader loader = StudioPage.class.getClassLoader();
        if (loader.getResource(RESOURCE + "index.html") == null) {
            return Optional.empty();
        }
        return Optional.of(new StudioPage(
                name -> {
                    try (InputStream in = loader.getResourceAsStream(RESOURCE + name)) {
                        return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "the studio jar"));
    }

    /** The page built into {@code folder} (which holds {@code index.html}). */
    public static StudioPage folder(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        return new StudioPage(
                name -> {
                    Path file = root.resolve(name).normalize();
                    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(Files.readAllBytes(file));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                root.toString());
    }

    /**
     * The page to serve: the bundled one; else one built earlier next to the page's sources
     * ({@code studio/target/page}); else one built now from those sources with Node.js and npm.
     * {@code log} hears what is being built.
     *
     * @throws PageUnavailableException saying exactly what to install or where the sources are missing
     */
    public static StudioPage find(Consumer<String> log) throws PageUnavailableException {
        Optional<StudioPage> bundled = bundled();
        if (bundled.isPresent()) {
            return bundled.get();
        }
        Path sources = sources()
                .orElseThrow(() -> new PageUnavailableException(
                        "the studio page is not in this build and its sources (studio/page) were not found; "
                                + "run pulseio from a clone of the repository, or set -Dpulseio.studio.sources=DIR"));
        Path built = sources.getParent().resolve("target").resolve("page");
        if (!Files.isRegularFile(built.resolve("index.html")) || PageBuilder.stale(sources, built)) {
            try {
                PageBuilder.build(sources, built, log);
            } catch (IOException e) {
                throw new PageUnavailableException(e.getMessage());
            }
        }
        return folder(built);
    }

    private static Optional<Path> sources() {
        String property = System.getProperty("pulseio.studio.sources");
        if (property != null) {
            return Optional.of(Path.of(property).toAbsolutePath());
        }
        try {
            Path here = Path.of(StudioPage.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            for (Path p = here; p != null; p = p.getParent()) {
                Path candidate = p.resolve("studio").resolve("page");
                if (Files.isRegularFile(candidate.resolve("package.json"))) {
                    return Optional.of(candidate);
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A page file by its relative name ({@code index.html}, {@code assets/main.js}). */
    public Optional<byte[]> read(String name) {
        return reader.apply(name);
    }

    /** Where the page comes from, for messages. */
    public String where() {
        return where;
    }
}
