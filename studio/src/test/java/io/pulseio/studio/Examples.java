package io.pulseio.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's example projects, found from the {@code pulseio.repo} property Maven sets. */
final class Examples {
    private Examples() {}

    static Path repo() {
        return Path.of(System.getProperty("pulseio.repo", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static List<Path> projects() throws IOException {
        try (Stream<Path> files = Files.walk(repo().resolve("examples"))) {
            return files.filter(p -> p.getFileName().toString().equals("project.json"))
                    .sorted()
                    .toList();
        }
    }
}
