/**
 * The {@code pulseio} command (picocli): {@code Main} and {@code PulseioCommand}, one class per
 * subcommand ({@code RunCommand}, {@code ValidateCommand}, {@code NodesCommand},
 * {@code PluginsCommand}, {@code ServeCommand} with {@code ServeBehaviour}, {@code EmitCommand},
 * {@code ListenCommand} with {@code Connection} and {@code ConnectionOptions}); helpers for project
 * files ({@code ProjectFile}, {@code PluginSwitchEditor}, {@code TraceFile}), durations, Ctrl-C
 * ({@code Shutdown}) and failures ({@code CliException}, {@code Errors}, {@code ExitCodes}).
 *
 * <p><b>Threads.</b> A command runs on the main thread; network callbacks (emit, listen, serve)
 * arrive on the client's or server's event loop and only print or complete futures the main thread
 * waits on, with timeouts. Results go to stdout, diagnostics to stderr.
 *
 * <p><b>Nulls.</b> Parameters are not null; an option left out has the default its help text names.
 */
package io.pulseio.cli;
