/**
 * The official Java Socket.IO client ({@code io.socket:socket.io-client}) behind the side-by-side
 * client benchmark's candidate interface (bench/side-by-side/run.sh runs it as
 * {@code java-official}).
 *
 * <p>Threads: the main thread drives each scenario and waits on futures with the phase timeout;
 * the client calls listeners and acks on its own event thread, where a phase's counters live.
 * Nothing here is shared with pulseio: a bench-only build with its own {@code pom.xml}.
 * Nulls: none passed or returned.
 */
package io.pulseio.bench.official;
