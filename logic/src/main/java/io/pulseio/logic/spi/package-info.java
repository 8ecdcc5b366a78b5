/**
 * The node SPI, the plugin author's front door. A {@code Plugin} (found by
 * {@code ServiceLoader}) contributes {@code NodeType}s, each one {@code NodeDescriptor} (with
 * {@code PinSpec}s and {@code AttributeSpec}s, typed and placed with the project format's
 * {@code model.PinType} and {@code model.Scope}) and a factory of {@code NodeBehaviour}s; it
 * validates its settings and nodes through a {@code ValidationContext} (reporting
 * {@code problem.ProblemKind}s) and keeps per-run state in a {@code PluginRun} made from a
 * {@code PluginContext}. Depends on {@code model}, {@code problem} and {@code time} only.
 *
 * <p>Implemented by the runtime ({@code io.pulseio.logic.internal.run}): {@code PluginContext} by
 * {@code RunContext}, {@code NodeSetup} by {@code Setup}, {@code NodeContext} by {@code LiveNode};
 * {@code ValidationContext} by {@code internal.load.PluginChecks}.
 *
 * <p><b>Threads.</b> Descriptors and node types are immutable. {@code NodeBehaviour},
 * {@code NodeContext} and {@code PluginRun} are used on the logic thread only; the
 * {@code PluginContext} methods documented "any thread" are how network callbacks post onto it.
 * {@code ValidationContext} is used on the loading thread, during one load.
 *
 * <p><b>Nulls.</b> Parameters are not null unless documented. Runtime values are never null:
 * each {@code PinType} has a default ({@code Values}).
 */
package io.pulseio.logic.spi;
