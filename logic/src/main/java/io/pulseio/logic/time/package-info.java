/**
 * The runtime's only source of time: {@code Scheduler} (a monotonic clock and delayed tasks,
 * each a {@code Cancellable}), on the system clock ({@code SystemScheduler}, one daemon thread) or
 * in virtual time for tests ({@code ManualScheduler}: nothing happens until it is advanced).
 *
 * <p><b>Threads.</b> Schedulers may be called from any thread; tasks run on the scheduler's
 * thread ({@code SystemScheduler}) or on the thread that advances time ({@code ManualScheduler}).
 * The runtime's tasks only post events to the logic thread.
 *
 * <p><b>Nulls.</b> None.
 */
package io.pulseio.logic.time;
