package io.pulseio.admin;

import java.util.Objects;

/**
 * How {@link Admin#instrument} sets up the Admin UI's namespace. Immutable; made with
 * {@link #builder()}.
 *
 * @param namespace the admin namespace's name (default {@code /admin})
 * @param username the login the UI must present, or null for no authentication
 * @param password its password (plain text, compared in constant time), or null with no login
 * @param readOnly when true the UI may look but not act: no emit, join, leave or disconnect
 * @param mode what the UI is sent (default {@link Mode#DEVELOPMENT})
 * @param serverId how this server is named in the UI (default: the host name)
 */
public record AdminOptions(
        String namespace, String username, String password, boolean readOnly, Mode mode, String serverId) {

    /** How much the UI is told. */
    public enum Mode {
        /**
         * Everything: the socket list, each connection, disconnection, room change and event
         * received or sent, and the statistics.
         */
        DEVELOPMENT,
        /** Only the statistics every 2 seconds (aggregated counts, namespaces): cheap. */
        PRODUCTION
    }

    public AdminOptions {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(mode, "mode");
        if (!namespace.startsWith("/")) {
            throw new IllegalArgumentException("admin namespace must start with '/', was '" + namespace + "'");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("admin login needs both a username and a password");
        }
        if (username != null && (username.isEmpty() || password.isEmpty())) {
            throw new IllegalArgumentException("admin username and password must not be empty");
        }
    }

    /** True when the UI must log in. */
    public boolean authenticates() {
        return username != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AdminOptions}; not thread-safe. */
    public static final class Builder {
        private String namespace = "/admin";
        private String username;
        private String password;
        private boolean readOnly;
        private Mode mode = Mode.DEVELOPMENT;
        private String serverId;

        private Builder() {}

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** The login the UI must present (basic authentication of the official instrument). */
        public Builder login(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        public Builder serverId(String serverId) {
            this.serverId = serverId;
            return this;
        }

        /** @throws IllegalArgumentException for a namespace without {@code /}, half a login */
        public AdminOptions build() {
            return new AdminOptions(namespace, username, password, readOnly, mode, serverId);
        }
    }

    @Override
    public String toString() {
        return "AdminOptions[namespace=" + namespace + ", username=" + username + ", password="
                + (password == null ? null : "***") + ", readOnly=" + readOnly + ", mode=" + mode
                + ", serverId=" + serverId + "]";
    }
}
