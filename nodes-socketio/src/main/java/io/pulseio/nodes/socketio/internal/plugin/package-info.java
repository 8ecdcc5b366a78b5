/**
 * What ties the plugin's two sides together: {@code SettingsReader} (the whole {@code socketio} settings
 * section, its connections and its servers) and {@code SocketIoRun} (the per-run object holding the
 * connection managers of {@code internal.client} and the hosted servers of {@code internal.server}). It
 * depends on both; neither depends on it (behaviours reach their side through {@code ConnectionsRun} and
 * {@code ServersRun}), and the two sides do not depend on each other (what both use is in
 * {@code internal.shared}, which depends on neither), so the packages have no cycle.
 *
 * <p><b>Threads.</b> {@code SettingsReader} runs on the loading thread; {@code SocketIoRun} on the run's
 * logic thread. <b>Nulls.</b> Parameters are not null.
 */
package io.pulseio.nodes.socketio.internal.plugin;
