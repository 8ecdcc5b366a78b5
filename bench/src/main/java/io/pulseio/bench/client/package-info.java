/**
 * pulseio's candidate of the side-by-side client benchmark (bench/side-by-side/run.sh, described
 * in bench/README.md): {@code BenchClient} (main: {@code URL SCENARIO N SIZE TRANSPORT WARMUP} in,
 * one JSON line out), {@code Scenarios} (emit, ack, push, connect) and {@code Metrics}.
 *
 * <p><b>Threads.</b> The main thread drives the scenarios; every connection shares one event loop,
 * where listeners, acks and a phase's counters run. Nulls: none.
 */
package io.pulseio.bench.client;
