/**
 * pulseio's benchmark server ({@code BenchServer}, run by bench/server-candidate): the reference
 * server's handlers ({@code BenchHandlers}: echo, count, count-done, push, stats, plus
 * broadcast-ping and heap for the load tool) on pulseio's server, an in-process {@code Warmup},
 * and {@code ProcessStats}.
 *
 * <p><b>Threads.</b> Handlers run on each connection's event loop; {@code push} continues in later
 * turns of that loop. Nulls: none.
 */
package io.pulseio.bench.server;
