package io.pulseio.server;

import java.util.Set;

/**
 * Makes cluster adapters from {@link AdapterSettings}, so that a server joins a cluster by
 * configuration ({@code pulseio serve --redis}, a project's {@code adapter} setting) while the
 * adapter's module stays optional: the server finds providers with {@link java.util.ServiceLoader}
 * ({@code provides io.pulseio.server.AdapterProvider} on the module path,
 * {@code META-INF/services/io.pulseio.server.AdapterProvider} on the class path) and picks the one
 * whose {@link #schemes()} hold the URL's scheme. When none does, building the options fails with
 * a message naming the module to add.
 *
 * <p>Implementations are thread-safe and have a public no-argument constructor.
 */
public interface AdapterProvider {
    /** The URL schemes it serves, in lower case, such as {@code redis} and {@code rediss}. */
    Set<String> schemes();

    /**
     * Checks settings without connecting anywhere.
     *
     * @throws IllegalArgumentException saying what is wrong (a URL that is not one, a kind it does
     *     not know); the message shows the URL as {@link AdapterSettings#shownUrl()} does. When one
     *     of the options is wrong, an {@link AdapterOptionException} naming it
     */
    void check(AdapterSettings settings);

    /**
     * Makes the factory of the namespaces' adapters, for settings that passed {@link #check};
     * connects nothing yet. The factory opens its connections with the first adapter it makes and
     * closes them once every adapter it made is {@link Adapter#close() closed} (when the server
     * closes), and opens new ones should it be asked again: whoever builds the options has nothing
     * to close.
     */
    Adapter.Factory open(AdapterSettings settings);
}
