/**
 * The runtime's front door: {@code ProjectLoader} (parse, validate, link; every problem at once)
 * returning a {@code LoadResult} of either a {@code LoadedProject} or {@code problem.Problem}s; {@code LoadedProject#start} gives a {@code ProjectRun}, configured by
 * {@code RunOptions}; {@code NodeRegistry} holds the installed plugins (core first) and
 * {@code Toolbox} renders their descriptors.
 *
 * <p><b>Threads.</b> Loader, loaded project, registry and options are immutable and thread-safe.
 * A {@code ProjectRun} owns one logic thread fed by an event queue; its methods may be called from
 * any thread.
 *
 * <p><b>Nulls.</b> Parameters are not null.
 */
package io.pulseio.logic;
