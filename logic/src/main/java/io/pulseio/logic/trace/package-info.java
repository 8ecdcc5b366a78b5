/**
 * What a run reports: {@code TraceEvent} (a sealed set of records, one per kind of thing that
 * happened), {@code TraceListener} (observes a run) and {@code JsonLinesTraceWriter} (the
 * {@code --trace} file, whose format docs/trace-format.md describes).
 *
 * <p><b>Threads.</b> Listeners are called on the run's logic thread only, in order; they need no
 * locking and must not block.
 *
 * <p><b>Nulls.</b> Record fields that do not apply (a node, a pin) are null, as each record says.
 */
package io.pulseio.logic.trace;
