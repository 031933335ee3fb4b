package io.caseswarm.platform.deadline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.platform.clock.PlatformClock;

/**
 * Schedules and cancels deadlines: "at {@code dueAt}, do {@code kind} for {@code aggregateId}". Each
 * method joins the caller's transaction and refuses to run without one, so a deadline exists exactly
 * when the events that caused it were committed, and is gone exactly when the events that ended it were.
 *
 * <p>A deadline is named by {@code (kind, aggregateId, key)}; the key is the caller's, to tell apart
 * several deadlines of one kind for one aggregate (e.g. the invitation's id), or any constant when
 * there is one. It fires once, at its due time or later, in the {@link DeadlineHandler} of its kind.
 */
@ApplicationScoped
public class Deadlines {

    private final DeadlineStore store;
    private final DeadlineHandlers handlers;
    private final PlatformClock clock;
    private final ObjectMapper json;

    Deadlines(DeadlineStore store, DeadlineHandlers handlers, PlatformClock clock, ObjectMapper json) {
        this.store = store;
        this.handlers = handlers;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Schedules the deadline, or moves it to {@code dueAt} and {@code payload} if one of the same name
     * is pending (or parked: moving it gives it a fresh start). Scheduling exactly what is scheduled
     * changes nothing. A {@code dueAt} in the past fires as soon as a poller looks.
     *
     * @param payload anything Jackson writes as JSON, or null; the handler gets it as {@link Deadline#payload()}
     * @throws IllegalArgumentException when no {@link DeadlineHandler} of {@code kind} is in this service
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String kind, String aggregateId, String key, Instant dueAt, Object payload) {
        requireName(kind, aggregateId, key);
        Objects.requireNonNull(dueAt, "dueAt");
        handlers.requireHandler(kind);
        // PostgreSQL keeps microseconds: what the handler reads back equals what was asked for.
        store.schedule(kind, aggregateId, key, dueAt.truncatedTo(ChronoUnit.MICROS), toJson(payload), clock.now());
    }

    /** Cancels the deadline; false when there was none (already fired, or never scheduled). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean cancel(String kind, String aggregateId, String key) {
        requireName(kind, aggregateId, key);
        return store.cancel(kind, aggregateId, key);
    }

    /** Cancels every deadline of the aggregate, parked ones included (the case is closed); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelAll(String aggregateId) {
        requireText(aggregateId, "aggregateId");
        return store.cancelAll(aggregateId);
    }

    private String toJson(Object payload) {
        if (payload == null) {
            return null;
        }
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The payload of a deadline must be writable as JSON", e);
        }
    }

    private static void requireName(String kind, String aggregateId, String key) {
        requireText(kind, "kind");
        requireText(aggregateId, "aggregateId");
        requireText(key, "key");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A deadline's " + name + " must not be blank");
        }
    }
}
