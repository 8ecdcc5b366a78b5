package io.pulseio.interop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No package of a library module depends on itself through others. This module sees every library
 * module, which is why the check lives here; it reads the compiled classes with the JDK's jdeps (no
 * Node.js, no extra dependency).
 *
 * <p>There are no cycles left, and {@link #KNOWN} is empty: the check fails on any cycle. Should one
 * ever have to be tolerated for a while, list it there (the check then also fails when it is gone).
 * How the modules got out of theirs is in ARCHITECTURE.md, "Package cycles".
 */
class PackageCyclesTest {

    /** module → the cycles it still has, each a set of packages: none. */
    static final Map<String, List<Set<String>>> KNOWN = Map.of();

    /** module → a class it holds. */
    static final Map<String, Class<?>> MODULES = Map.of(
            "protocol", io.pulseio.protocol.EnginePacket.class,
            "client", io.pulseio.client.ClientOptions.class,
            "server", io.pulseio.server.Adapter.class,
            "adapter-redis", io.pulseio.adapter.redis.RedisAdapter.class,
            "admin", io.pulseio.admin.Admin.class,
            "logic", io.pulseio.logic.ProjectLoader.class,
            "nodes-socketio", io.pulseio.nodes.socketio.SocketIoPlugin.class,
            "metrics", io.pulseio.metrics.PulseioMetrics.class,
            "studio", io.pulseio.studio.Studio.class);

    @Test
    void noModuleHasAPackageCycleBeyondTheKnownOnes() throws Exception {
        for (var module : MODULES.entrySet()) {
            var graph = PackageCycles.dependencies(PackageCycles.classesOf(module.getValue()));
            assertThat(graph)
                    .as("%s: jdeps found its packages", module.getKey())
                    .isNotEmpty();
            assertThat(PackageCycles.cycles(graph))
                    .as("package cycles of %s", module.getKey())
                    .containsExactlyInAnyOrderElementsOf(KNOWN.getOrDefault(module.getKey(), List.of()));
        }
    }

    @Test
    void theDetectorFindsACycleAndOnlyTheCycle() {
        var graph = PackageCycles.parse(String.join(
                "\n",
                "   io.pulseio.a                -> io.pulseio.b                 x.jar",
                "   io.pulseio.b                -> io.pulseio.c                 x.jar",
                "   io.pulseio.c                -> io.pulseio.a                 x.jar",
                "   io.pulseio.c                -> io.pulseio.d                 x.jar",
                "   io.pulseio.d                -> java.lang                    java.base",
                "   io.pulseio.d                -> io.pulseio.d                 x.jar"));
        assertThat(graph).containsOnlyKeys("io.pulseio.a", "io.pulseio.b", "io.pulseio.c", "io.pulseio.d");
        assertThat(graph.get("io.pulseio.d"))
                .as("no edge to itself, none outside io.pulseio")
                .isEmpty();
        assertThat(PackageCycles.cycles(graph)).containsExactly(Set.of("io.pulseio.a", "io.pulseio.b", "io.pulseio.c"));
        assertThat(PackageCycles.cycles(Map.of("io.pulseio.a", Set.of("io.pulseio.b"))))
                .isEmpty();
    }
}
