/**
 * The load tool: {@code LoadTool} (main) opens N concurrent WebSocket clients ({@code Crowd}) on
 * one shared {@code EventLoops} and measures connecting and broadcast receipt (bench/README.md,
 * "Scale").
 *
 * <p><b>Threads.</b> The main thread drives and waits with timeouts; the clients' callbacks run on
 * the shared loops and record into thread-safe counters. Nulls: none.
 */
package io.pulseio.bench.load;
