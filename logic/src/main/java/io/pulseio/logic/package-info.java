/**
 * The runtime's front door: {@code ProjectLoader} (parse, validate, link; every problem at once)
 * returning a {@code LoadResult} of either a {@code LoadedProject} or problems (in
 * {@code io.pulseio.logic.problem}); {@code LoadedProject#start} gives a {@code ProjectRun},
 * configured by {@code RunOptions}; {@code NodeRegistry} holds the installed plugins (core first) and
 * {@code Toolbox} renders their descriptors.
 *
 * <p>This package sits on top of the others: it creates the loader and the runs
 * ({@code internal.load}, {@code internal.run}) and hands them what they need as values (a plugin
 * catalog, run settings), and no other package of the runtime uses it.
 *
 * <p><b>Threads.</b> Loader, loaded project, registry and options are immutable and thread-safe.
 * A {@code ProjectRun} owns one logic thread fed by an event queue; its methods may be called from
 * any thread.
 *
 * <p><b>Nulls.</b> Parameters are not null.
 */
package io.pulseio.logic;
