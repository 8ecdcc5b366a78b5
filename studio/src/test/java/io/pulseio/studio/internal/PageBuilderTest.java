package io.pulseio.studio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageBuilderTest {
    @TempDir
    Path dir;

    private Path program(Path bin, String name, String script) throws IOException {
        Files.createDirectories(bin);
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private Path sources() throws IOException {
        Path sources = dir.resolve("page");
        Files.createDirectories(sources.resolve("src"));
        Files.writeString(sources.resolve("package-lock.json"), "{}");
        return sources;
    }

    @Test
    void withoutNodeOrNpmTheBuildSaysWhatToInstall() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-bin"));
        assertThatThrownBy(() -> PageBuilder.build(sources(), dir.resolve("out"), line -> {}, empty.toString()))
                .isInstanceOf(IOException.class)
                .hasMessage(PageBuilder.NEEDS_NODE)
                .hasMessageContaining("sudo apt-get install nodejs npm");
        Path onlyNode = dir.resolve("only-node");
        program(onlyNode, "node", "exit 0");
        assertThatThrownBy(() -> PageBuilder.build(sources(), dir.resolve("out"), line -> {}, onlyNode.toString()))
                .hasMessage(PageBuilder.NEEDS_NODE);
    }

    @Test
    void aFailingStepIsReportedWithItsExitCodeAndOutput() throws Exception {
        Path bin = dir.resolve("bin");
        program(bin, "npm", "echo npm ran \"$@\"; mkdir -p node_modules/esbuild");
        program(bin, "node", "echo bundling went wrong; exit 3");
        List<String> log = new ArrayList<>();
        assertThatThrownBy(() -> PageBuilder.build(sources(), dir.resolve("out"), log::add, bin.toString()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the page build failed (exit code 3) in " + dir.resolve("page"))
                .hasMessageEndingWith("bundling went wrong");
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).startsWith("installing the page's npm packages (npm ci");
    }

    @Test
    void aBuiltPageIsStaleOnceASourceIsNewer() throws Exception {
        Path sources = sources();
        Path built = Files.createDirectories(dir.resolve("out"));
        Files.writeString(built.resolve("index.html"), "x");
        Files.setLastModifiedTime(
                sources.resolve("package-lock.json"), java.nio.file.attribute.FileTime.fromMillis(1000));
        Files.setLastModifiedTime(built.resolve("index.html"), java.nio.file.attribute.FileTime.fromMillis(5000));
        Files.writeString(sources.resolve("build.mjs"), "");
        Files.setLastModifiedTime(sources.resolve("build.mjs"), java.nio.file.attribute.FileTime.fromMillis(1000));
        assertThat(PageBuilder.stale(sources, built)).isFalse();
        Files.writeString(sources.resolve("src/App.jsx"), "changed");
        assertThat(PageBuilder.stale(sources, built)).isTrue();
    }
}
