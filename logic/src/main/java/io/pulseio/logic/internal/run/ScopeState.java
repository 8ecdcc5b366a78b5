package io.pulseio.logic.internal.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project scope or one scene: what it owns (timers, plugin resources) is released when it ends
 * (scene left, run stopped). Logic thread only.
 */
final class ScopeState {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.logic");
    final String label;
    private final Set<AutoCloseable> owned = new LinkedHashSet<>();

    ScopeState(String label) {
        this.label = label;
    }

    void own(AutoCloseable resource) {
        owned.add(resource);
    }

    void forget(AutoCloseable resource) {
        owned.remove(resource);
    }

    /** Closes everything owned, newest first; the scope can own things again afterwards. */
    void release() {
        List<AutoCloseable> all = new ArrayList<>(owned);
        owned.clear();
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                all.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing a resource of {} failed", label, e);
            }
        }
    }

    int ownedCount() {
        return owned.size();
    }

    @Override
    public String toString() {
        return label;
    }
}
