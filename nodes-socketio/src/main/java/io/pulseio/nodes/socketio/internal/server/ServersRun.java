package io.pulseio.nodes.socketio.internal.server;

/**
 * The server side of the plugin's per-run object, as a server node's behaviour reaches it:
 * {@code NodeSetup.pluginRun(ServersRun.class).servers()}. Logic thread only.
 */
public interface ServersRun {

    /** The run's hosted servers. */
    Servers servers();
}
