/**
 * A running project (not exported): {@code Run} (the logic thread, its event queue and
 * lifecycle; implements {@code ProjectRun}), {@code RunState} (live nodes, listeners by type,
 * scenes, variables, functions), {@code Interpreter} (pulses on an explicit stack, lazy data pulls,
 * loop guards), {@code LiveNode} ({@code NodeContext}), {@code LiveFunction}, {@code ScopeState}
 * (what a scene or the project owns), {@code RunContext} ({@code PluginContext} of one plugin, and
 * {@code CoreServices} for the core nodes), {@code Setup} ({@code NodeSetup}) and {@code Unwind}.
 *
 * <p><b>Threads.</b> Everything here is confined to the run's logic thread except {@code Run}'s
 * queue and lifecycle (posting, stop, await) and the {@code RunContext} methods its interface
 * documents as "any thread": network threads post work through them and never run graph code.
 *
 * <p><b>Nulls.</b> Parameters are not null unless a method says otherwise.
 */
package io.pulseio.logic.internal.run;
