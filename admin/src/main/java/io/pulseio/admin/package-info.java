/**
 * The Admin UI instrumentation of a pulseio server: {@link io.pulseio.admin.Admin#instrument}
 * with {@link io.pulseio.admin.AdminOptions}. Everything here is thread-safe; what the
 * instrumentation does runs on the server's event loops and on one timer thread of its own.
 */
package io.pulseio.admin;
