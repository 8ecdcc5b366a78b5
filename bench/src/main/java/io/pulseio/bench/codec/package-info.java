/**
 * JMH micro-benchmarks of the protocol codecs ({@code SocketCodecBenchmark},
 * {@code PayloadCodecBenchmark}) and their packets ({@code Fixtures}).
 *
 * <p><b>Threads.</b> JMH's benchmark threads, one state per thread. Nulls: none.
 */
package io.pulseio.bench.codec;
