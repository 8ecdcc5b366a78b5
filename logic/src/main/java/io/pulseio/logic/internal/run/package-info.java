/**
 * A running project (not exported): {@code Run} (the logic thread, its event queue and
 * lifecycle; the API's {@code ProjectRun} forwards to it), started with {@code RunSettings} (the
 * values of the API's {@code RunOptions}), {@code RunState} (live nodes, listeners by type,
 * scenes, variables, functions), {@code Interpreter} (pulses on an explicit stack, lazy data pulls,
 * loop guards), {@code LiveNode} ({@code NodeContext}), {@code LiveFunction}, {@code ScopeState}
 * (what a scene or the project owns), {@code RunContext} ({@code PluginContext} of one plugin, the
 * same for the core plugin as for any other), {@code Setup} ({@code NodeSetup}), {@code Unwind} and
 * {@code DebugSession} (the {@code Debugger}: its pause points are called only while one is attached).
 * Nothing here uses the API package {@code io.pulseio.logic}, which starts the runs.
 *
 * <p><b>Threads.</b> Everything here is confined to the run's logic thread except {@code Run}'s
 * queue and lifecycle (posting, stop, await), the {@code RunContext} methods its interface
 * documents as "any thread" (network threads post work through them and never run graph code) and
 * {@code DebugSession}'s public methods (any thread: they change fields under its lock and wake the
 * logic thread, which parks on that lock while paused).
 *
 * <p><b>Nulls.</b> Parameters are not null unless a method says otherwise.
 */
package io.pulseio.logic.internal.run;
