package io.pulseio.server;

import java.time.Duration;

/**
 * The Engine.IO and Socket.IO session timers: heartbeat, upgrade and connect timeouts. Immutable
 * and thread-safe; built with {@link #builder()} or taken from {@link ServerOptions#timeouts()}.
 * Set them through {@link ServerOptions.Builder#timeouts} or one by one through the builder's
 * methods of the same names. Defaults are the Node.js server's.
 */
public final class SessionTimeouts {
    private static final SessionTimeouts DEFAULTS = new Builder().build();

    private final Duration pingInterval;
    private final Duration pingTimeout;
    private final Duration upgradeTimeout;
    private final Duration connectTimeout;

    private SessionTimeouts(Builder b) {
        pingInterval = b.pingInterval;
        pingTimeout = b.pingTimeout;
        upgradeTimeout = b.upgradeTimeout;
        connectTimeout = b.connectTimeout;
    }

    /** Every timer at its default. */
    public static SessionTimeouts defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values, to derive changed copies. */
    public Builder toBuilder() {
        return new Builder()
                .pingInterval(pingInterval)
                .pingTimeout(pingTimeout)
                .upgradeTimeout(upgradeTimeout)
                .connectTimeout(connectTimeout);
    }

    /** Time between the server's pings. Default 25 s. */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** Time the server waits for a pong before closing ({@code ping timeout}). Default 20 s. */
    public Duration pingTimeout() {
        return pingTimeout;
    }

    /** Time a started upgrade may take before it is cancelled. Default 10 s. */
    public Duration upgradeTimeout() {
        return upgradeTimeout;
    }

    /** Time a client has to connect to a namespace before it is dropped. Default 45 s. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public String toString() {
        return "SessionTimeouts[pingInterval=" + pingInterval + ", pingTimeout=" + pingTimeout + ", upgradeTimeout="
                + upgradeTimeout + ", connectTimeout=" + connectTimeout + "]";
    }

    /** Collects timer values; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private Duration pingInterval = Duration.ofSeconds(25);
        private Duration pingTimeout = Duration.ofSeconds(20);
        private Duration upgradeTimeout = Duration.ofSeconds(10);
        private Duration connectTimeout = Duration.ofSeconds(45);

        private Builder() {}

        /** See {@link SessionTimeouts#pingInterval()}. */
        public Builder pingInterval(Duration d) {
            this.pingInterval = d;
            return this;
        }

        /** See {@link SessionTimeouts#pingTimeout()}. */
        public Builder pingTimeout(Duration d) {
            this.pingTimeout = d;
            return this;
        }

        /** See {@link SessionTimeouts#upgradeTimeout()}. */
        public Builder upgradeTimeout(Duration d) {
            this.upgradeTimeout = d;
            return this;
        }

        /** See {@link SessionTimeouts#connectTimeout()}. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        /**
         * Checks the values (each positive, not null) and returns them.
         *
         * @throws IllegalArgumentException naming the first bad value
         */
        public SessionTimeouts build() {
            Checks.positive("pingInterval", pingInterval);
            Checks.positive("pingTimeout", pingTimeout);
            Checks.positive("upgradeTimeout", upgradeTimeout);
            Checks.positive("connectTimeout", connectTimeout);
            return new SessionTimeouts(this);
        }
    }
}
