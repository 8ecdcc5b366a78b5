/**
 * The core node types ({@code core.*}), one file per family: {@code EventNodes}, {@code FlowNodes},
 * {@code DataNodes} and {@code JsonGet}, {@code VariableNodes}, {@code FunctionNodes},
 * {@code TimeNodes}; {@code CorePlugin} registers them (always enabled). Each family keeps a node
 * type's descriptor beside its behaviour.
 *
 * <p><b>Threads.</b> Descriptors are immutable. Behaviours run on the logic thread only, as every
 * node behaviour does; timers (Delay, Timer) fire as events on that thread.
 *
 * <p><b>Nulls.</b> Runtime values are never null (see {@code io.pulseio.logic.spi.Values}).
 */
package io.pulseio.logic.core;
