/**
 * The studio's internals: the guard (token, Origin, Host), the page files, the project file on disk
 * and its deterministic writer, the live channel's commands, the runner and the trace batches it
 * sends. Commands run on one control thread; trace events arrive on the run's logic thread and
 * leave in batches from a timer thread.
 */
package io.pulseio.studio.internal;
