package io.pulseio.studio.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the studio page from its sources ({@code studio/page}: package.json, package-lock.json,
 * build.mjs, src/) with the machine's Node.js and npm: {@code npm ci} when node_modules is missing
 * or older than the lock file, then {@code node build.mjs OUT}. Used by Maven at build time (its
 * {@link #main}, which skips when Node.js or npm is missing) and by {@code pulseio edit} on first use.
 */
public final class PageBuilder {
    /** What to install, said when Node.js or npm is missing. */
    public static final String NEEDS_NODE = "the studio page is built once with Node.js 20+ and npm, which are not "
            + "on the PATH: install them (Debian/Ubuntu: sudo apt-get install nodejs npm; elsewhere: "
            + "https://nodejs.org), then run the command again";

    private PageBuilder() {}

    /** Maven's entry point: {@code PageBuilder SOURCES OUT}. */
    public static void main(String[] args) throws IOException {
        Path sources = Path.of(args[0]);
        Path out = Path.of(args[1]);
        if (onPath("node").isEmpty() || onPath("npm").isEmpty()) {
            System.out.println("[studio] Node.js or npm not found: the page is not built into the jar; "
                    + "`pulseio edit` builds it on first use");
            return;
        }
        build(sources, out, line -> System.out.println("[studio] " + line));
    }

    /** Whether {@code built} is older than any page source. */
    public static boolean stale(Path sources, Path built) {
        try (Stream<Path> files = Stream.concat(
                Stream.of(sources.resolve("package-lock.json"), sources.resolve("build.mjs")),
                Files.walk(sources.resolve("src")))) {
            long builtAt =
                    Files.getLastModifiedTime(built.resolve("index.html")).toMillis();
            return files.filter(Files::isRegularFile).anyMatch(f -> modified(f) > builtAt);
        } catch (IOException e) {
            return true;
        }
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Installs the pinned packages when needed and bundles the page into {@code out}.
     *
     * @throws IOException saying what to install when Node.js or npm is missing, or what failed
     */
    public static void build(Path sources, Path out, Consumer<String> log) throws IOException {
        build(sources, out, log, System.getenv("PATH"));
    }

    /** {@link #build(Path, Path, Consumer)} looking for node and npm on {@code searchPath}. */
    static void build(Path sources, Path out, Consumer<String> log, String searchPath) throws IOException {
        Path node = onPath("node", searchPath).orElseThrow(() -> new IOException(NEEDS_NODE));
        Path npm = onPath("npm", searchPath).orElseThrow(() -> new IOException(NEEDS_NODE));
        Path modules = sources.resolve("node_modules");
        if (!Files.isDirectory(modules.resolve("esbuild"))
                || modified(sources.resolve("package-lock.json")) > modified(modules)) {
            log.accept("installing the page's npm packages (npm ci, pinned by studio/page/package-lock.json)...");
            run(sources, List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), "npm ci");
        }
        log.accept("building the page into " + out + "...");
        run(sources, List.of(node.toString(), "build.mjs", out.toAbsolutePath().toString()), "the page build");
    }

    private static void run(Path dir, List<String> command, String what) throws IOException {
        Path logFile = Files.createTempFile("pulseio-studio-build", ".log");
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(what + " was interrupted", e);
        }
        String output = Files.readString(logFile);
        Files.deleteIfExists(logFile);
        if (code != 0) {
            throw new IOException(what + " failed (exit code " + code + ") in " + dir + ":\n" + output.strip());
        }
    }

    static Optional<Path> onPath(String program) {
        return onPath(program, System.getenv("PATH"));
    }

    static Optional<Path> onPath(String program, String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
