/**
 * What is wrong with a project: {@code Problem} (one finding, with its JSON path, node and pin) and
 * {@code ProblemKind} (the runtime's own kinds, and the kinds plugins declare with
 * {@code ProblemKind.of}). The loader reports problems in a {@code LoadResult}; a plugin reports its
 * own through {@code spi.ValidationContext}.
 *
 * <p>Depends on no other package of the runtime, so that the SPI, the loader and the API can all
 * use it.
 *
 * <p><b>Threads.</b> Both types are immutable and thread-safe.
 *
 * <p><b>Nulls.</b> A {@code Problem}'s kind, path and message are never null; its node and pin are
 * null when the problem is not about one.
 */
package io.pulseio.logic.problem;
