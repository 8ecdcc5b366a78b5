/**
 * Benchmarks of the logic runtime: {@code ExecutorBenchmark} (JMH) and {@code RuntimeBench} (a
 * raw client, {@code RawSide}, beside a running project, {@code ProjectSide}, against the Node
 * reference server), driven through {@code BenchPlugin} and its {@code Probe} on the public node
 * SPI; {@code ProjectJson} writes their projects and {@code Laps} their intervals.
 *
 * <p><b>Threads.</b> Projects run on their logic thread, the raw client on its event loop; the
 * main thread waits on both with timeouts. Nulls: none.
 */
package io.pulseio.bench.runtime;
