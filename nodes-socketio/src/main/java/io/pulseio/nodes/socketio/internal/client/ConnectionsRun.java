package io.pulseio.nodes.socketio.internal.client;

/**
 * The client side of the plugin's per-run object, as a client node's behaviour reaches it:
 * {@code NodeSetup.pluginRun(ConnectionsRun.class).connections()}. Logic thread only.
 */
public interface ConnectionsRun {

    /** The run's connection managers. */
    Connections connections();
}
