package io.pulseio.admin.internal;

/**
 * What {@link Instrument} is started with: the values of the API's {@code AdminOptions}, which
 * checked them (see there for what each means).
 *
 * @param username null for no login (then {@code password} is null too)
 * @param development true for the API's development mode (everything), false for production
 *     (statistics only)
 * @param serverId null for the host name
 */
public record Settings(
        String namespace, String username, String password, boolean readOnly, boolean development, String serverId) {

    /** True when the UI must log in. */
    boolean authenticates() {
        return username != null;
    }

    @Override
    public String toString() {
        return "Settings[namespace=" + namespace + ", username=" + username + ", password="
                + (password == null ? null : "***") + ", readOnly=" + readOnly + ", development="
                + development + ", serverId=" + serverId + "]";
    }
}
