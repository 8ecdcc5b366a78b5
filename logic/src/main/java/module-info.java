/**
 * The visual-logic runtime: project model, loader (parse, validate, link), executor, node SPI,
 * trace and time. Exported: {@code io.pulseio.logic} (registry, loader, runs), {@code .spi} (what
 * plugins implement), {@code .model} (the project file and its types), {@code .problem} (what the
 * loader and plugins report), {@code .trace}, {@code .time} and {@code .debug} (the debugger API).
 * Not exported: the core node types ({@code .core}, reached through
 * {@link io.pulseio.logic.NodeRegistry}) and the loader and executor internals ({@code .internal..}).
 *
 * <p>Plugins are found with {@link java.util.ServiceLoader}: a plugin module
 * {@code provides io.pulseio.logic.spi.Plugin}; on the class path, {@code META-INF/services} still works.
 */
module io.pulseio.logic {
    requires transitive com.fasterxml.jackson.databind;
    requires com.networknt.schema;
    requires io.pulseio.protocol;
    requires org.slf4j;

    exports io.pulseio.logic;
    exports io.pulseio.logic.debug;
    exports io.pulseio.logic.model;
    exports io.pulseio.logic.problem;
    exports io.pulseio.logic.spi;
    exports io.pulseio.logic.time;
    exports io.pulseio.logic.trace;

    uses io.pulseio.logic.spi.Plugin;
}
