/**
 * How the Admin UI sees a server: {@code Instrument} watches it ({@code ServerObserver}, connection
 * listeners) and talks to the UI's sockets in the admin namespace; {@code EventBuffer} counts the
 * aggregated events between two {@code server_stats}; {@code SocketJson} is the socket as the UI
 * reads it; {@code Commands} runs the UI's emit, join, leave and disconnect; {@code Login} checks
 * credentials and keeps the session ids it handed out. Called from every event loop of the server,
 * from the application's threads (events sent) and from the stats timer: all of it thread-safe.
 *
 * <p>{@code Admin} starts an {@code Instrument} with {@code Settings} (the values of
 * {@code AdminOptions}); nothing here uses the API package {@code io.pulseio.admin}.
 */
package io.pulseio.admin.internal;
