package io.pulseio.server;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The adapter factory of {@link AdapterSettings}: {@link #check()} finds the provider and has it
 * check the settings (at {@code ServerOptions.build()}); the provider's factory is made when the
 * first namespace needs an adapter. Thread-safe. (Package-private, here rather than in an internal
 * package: it is made by {@link ServerOptions.Builder#cluster} and implements the API's own types.)
 */
final class ProvidedAdapter implements Adapter.Factory {
    private final AdapterSettings settings;
    private AdapterProvider provider;
    private Adapter.Factory factory;

    ProvidedAdapter(AdapterSettings settings) {
        this.settings = settings;
    }

    AdapterSettings settings() {
        return settings;
    }

    /**
     * @throws IllegalArgumentException when no provider serves the URL's scheme, or it rejects the
     *     settings
     */
    synchronized void check() {
        if (provider == null) {
            AdapterProvider found = find(settings);
            found.check(settings);
            provider = found;
        }
    }

    @Override
    public Adapter create(Adapter.Context context) {
        Adapter.Factory f;
        synchronized (this) {
            check();
            if (factory == null) {
                factory = provider.open(settings);
            }
            f = factory;
        }
        return f.create(context);
    }

    private static AdapterProvider find(AdapterSettings settings) {
        String scheme = settings.scheme();
        if (scheme.isEmpty()) {
            throw new IllegalArgumentException(
                    "adapter URL '" + settings.shownUrl() + "' has no scheme: write it as redis://host:port");
        }
        try {
            for (AdapterProvider p : ServiceLoader.load(AdapterProvider.class)) {
                if (p.schemes().contains(scheme)) {
                    return p;
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("cannot load the cluster adapters: " + e.getMessage(), e);
        }
        String add = Set.of("redis", "rediss").contains(scheme)
                ? "add io.pulseio:pulseio-adapter-redis to the class path or module path"
                : "pulseio-adapter-redis serves redis:// and rediss:// URLs";
        throw new IllegalArgumentException(
                "no cluster adapter for " + scheme + ":// URLs ('" + settings.shownUrl() + "'): " + add);
    }
}
