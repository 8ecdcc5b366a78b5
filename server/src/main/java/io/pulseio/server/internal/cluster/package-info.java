/**
 * Cluster adapters named by configuration (not exported): {@code ProvidedAdapter} finds the
 * {@link io.pulseio.server.AdapterProvider} for an {@link io.pulseio.server.AdapterSettings}'s
 * URL through {@link java.util.ServiceLoader} and asks it for the factory on first use.
 *
 * <p><b>Threads.</b> Thread-safe: options are checked on the thread that builds them, adapters
 * made on whatever thread makes a namespace. <b>Nulls.</b> Parameters are not null.
 */
package io.pulseio.server.internal.cluster;
