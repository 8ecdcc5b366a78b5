package io.pulseio.nodes.socketio.internal.shared;

/** The rule for a {@code namespace} input: empty means {@code /}; anything else must start with {@code /}. Pure. */
public final class NamespaceName {
    private NamespaceName() {}

    /**
     * The namespace {@code value} names.
     *
     * @throws NodeError ({@code invalid namespace}) when it does not start with {@code /}
     */
    public static String check(String value) {
        if (value == null || value.isEmpty()) {
            return "/";
        }
        if (!value.startsWith("/")) {
            throw new NodeError(
                    NodeReason.INVALID_NAMESPACE, value, "namespace must start with /, was \"" + value + "\"");
        }
        return value;
    }
}
