package io.pulseio.interop.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Package dependencies of one module's compiled classes, read with {@code jdeps -verbose:package}, and the
 * cycles among them (Tarjan's strongly connected components). Only packages under {@code io.pulseio} count.
 */
final class PackageCycles {
    private PackageCycles() {}

    /** The classes directory or jar that {@code marker} was loaded from. */
    static Path classesOf(Class<?> marker) {
        try {
            return Path.of(
                    marker.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every package of the classes → the other packages it depends on, for the classes in {@code location} (a directory or a jar). */
    static Map<String, Set<String>> dependencies(Path location) throws IOException {
        Path dir = Files.isDirectory(location) ? location : unpack(location);
        List<String> args = new ArrayList<>(List.of("-verbose:package", "-filter:none"));
        try (Stream<Path> files = Files.walk(dir)) {
            // class files one by one: given the directory, jdeps would resolve module-info and want every dependency
            files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
                    .forEach(f -> args.add(f.toString()));
        }
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("the JDK's jdeps tool is not available"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("jdeps failed (" + code + "): " + err);
        }
        return parse(out.toString());
    }

    /** Reads jdeps' {@code   from -> to   where} lines. */
    static Map<String, Set<String>> parse(String jdepsOutput) {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : jdepsOutput.split("\n")) {
            String[] p = line.trim().split("\\s+");
            if (p.length >= 3 && p[1].equals("->") && p[0].startsWith("io.pulseio")) {
                Set<String> to = graph.computeIfAbsent(p[0], k -> new TreeSet<>());
                if (p[2].startsWith("io.pulseio") && !p[0].equals(p[2])) {
                    to.add(p[2]);
                }
            }
        }
        return graph;
    }

    /** Every cycle: each a sorted set of two or more packages that reach one another. */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        return new Tarjan(graph).run();
    }

    private static Path unpack(Path jar) throws IOException {
        Path dir = Files.createTempDirectory("pulseio-classes");
        try (InputStream in = Files.newInputStream(jar);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().endsWith(".class")) {
                    Path to = dir.resolve(e.getName()).normalize();
                    if (!to.startsWith(dir)) {
                        throw new IOException("bad entry " + e.getName());
                    }
                    Files.createDirectories(to.getParent());
                    Files.copy(zip, to);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return dir;
    }

    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new java.util.HashSet<>();
        private final List<Set<String>> found = new ArrayList<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> run() {
            for (String v : graph.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return found;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : graph.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    found.add(component);
                }
            }
        }
    }
}
