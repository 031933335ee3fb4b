package io.caseswarm.platform.deadline;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/** The service's {@link DeadlineHandler}s by kind: the kinds this service may schedule and fires. */
@ApplicationScoped
class DeadlineHandlers {

    private final Instance<DeadlineHandler> beans;
    private volatile Map<String, DeadlineHandler> byKind;

    DeadlineHandlers(@Any Instance<DeadlineHandler> beans) {
        this.beans = beans;
    }

    Set<String> kinds() {
        return handlers().keySet();
    }

    Optional<DeadlineHandler> forKind(String kind) {
        return Optional.ofNullable(handlers().get(kind));
    }

    /**
     * A deadline nobody in this service fires would wait forever: scheduling one is a mistake of the
     * code that asks, so its command fails (and its events are not committed either).
     */
    void requireHandler(String kind) {
        if (!handlers().containsKey(kind)) {
            throw new IllegalArgumentException("No DeadlineHandler for kind '" + kind + "' in this service (kinds: "
                    + kinds() + ")");
        }
    }

    /** Resolved on first use rather than in the constructor: a handler may well inject Deadlines itself. */
    private Map<String, DeadlineHandler> handlers() {
        Map<String, DeadlineHandler> handlers = byKind;
        if (handlers == null) {
            handlers = resolve();
            byKind = handlers;
        }
        return handlers;
    }

    private Map<String, DeadlineHandler> resolve() {
        Map<String, DeadlineHandler> handlers = new TreeMap<>();
        for (DeadlineHandler handler : beans) {
            String kind = handler.kind();
            if (kind == null || kind.isBlank()) {
                throw new IllegalStateException(handler.getClass().getName() + " names no deadline kind");
            }
            DeadlineHandler other = handlers.putIfAbsent(kind, handler);
            if (other != null) {
                throw new IllegalStateException("Two DeadlineHandlers for kind '" + kind + "': "
                        + other.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(handlers);
    }
}
