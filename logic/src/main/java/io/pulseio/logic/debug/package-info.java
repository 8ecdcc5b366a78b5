/**
 * The debugger API of a run: {@code Debugger} (pause, resume, step, step over, step out,
 * breakpoints, node values on demand, queue length), attached with
 * {@code ProjectRun#attachDebugger}; {@code DebugListener} hears pauses, resumes and breakpoint hits;
 * {@code PausePoint}, {@code Breakpoint}, {@code BreakCondition} and {@code NodeValues} are immutable
 * values. The debugger is an API of its own, not a reading of the trace: a run without a debugger
 * attached pays nothing for it.
 *
 * <p><b>Threads.</b> Every {@code Debugger} method may be called from any thread, the logic thread
 * (a listener) included. The listener is called on the run's logic thread, while the run is paused
 * ({@code paused}, {@code breakpointHit}) or just after it resumed ({@code resumed}).
 *
 * <p><b>Nulls.</b> Parameters are not null unless documented; a {@code PausePoint} between events has
 * no node (its node fields are null), and a node outside a function has no function.
 */
package io.pulseio.logic.debug;
