package io.caseswarm.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.platform.event.CloudEvent;
import io.caseswarm.platform.event.MalformedEventException;
import io.caseswarm.platform.retry.TransientFailures;
import io.caseswarm.platform.store.EventStoreException;
import io.caseswarm.platform.trace.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Applies each received event exactly once: the event's id is recorded in the same transaction as
 * the handler's effect, so a redelivered event is skipped and a failed handler records nothing.
 *
 * <p>A failure is either transient or permanent ({@link TransientFailures}). A transient one (a lost
 * race, the database away) is tried again in a fresh transaction, with a growing pause, for as long as
 * it takes: the consumer takes nothing else from the topic meanwhile, so order is kept, and after {@link InboxConfig#attempts()}
 * tries the consumer reports itself stalled until the record applies. A permanent one (not a well-formed
 * event, a payload that does not fit, a handler that refuses it) makes {@link #apply} throw at once;
 * the channel's failure strategy then moves the record to the dead-letter topic with the reason, and
 * the consumer goes on with the next record.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final String consumer;
    private final Tracing tracing;
    private final MeterRegistry metrics;
    private final InboxConfig config;
    private final StalledConsumers stalls;
    private volatile boolean stopping;

    EventInbox(DataSource dataSource, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String consumer, Tracing tracing,
            MeterRegistry metrics, InboxConfig config, StalledConsumers stalls) {
        this.dataSource = dataSource;
        this.json = json;
        this.consumer = consumer;
        this.tracing = tracing;
        this.metrics = metrics;
        this.config = config;
        this.stalls = stalls;
        if (!config.deduplicate()) {
            LOG.warn("caseswarm.inbox.deduplicate=false: redelivered events are applied AGAIN. This is a switch for"
                    + " fault-injection runs only.");
        }
    }

    /**
     * Returns false when the event had already been applied and was skipped. The work is a span of the
     * trace the record carries, so events appended here continue the trace of whatever caused it.
     */
    public boolean apply(ConsumerRecord<String, String> record, Consumer<ReceivedEvent> handler) {
        return apply(consumer, record, handler);
    }

    /**
     * As {@link #apply(ConsumerRecord, Consumer)}, for a second consumer of the same events in this service (a
     * read model in a consumer group of its own): {@code consumerName} keeps its record of what it applied
     * apart from the service's other consumers', which see the same event ids.
     */
    public boolean apply(String consumerName, ConsumerRecord<String, String> record, Consumer<ReceivedEvent> handler) {
        return apply(consumerName, record, () -> {
        }, handler);
    }

    /**
     * As {@link #apply(String, ConsumerRecord, Consumer)}, with {@code first} run in the transaction before the
     * delivery is recorded: for a consumer whose handler needs a lock that a rebuild of its read model holds, to wait
     * for it before it holds the inbox row the rebuild would wait for in turn.
     */
    public boolean apply(String consumerName, ConsumerRecord<String, String> record, Runnable first,
            Consumer<ReceivedEvent> handler) {
        Span span = tracing.start("consume " + record.topic(), SpanKind.CONSUMER, name -> CloudEvent.header(record.headers(), name));
        Tracing.showInLogs(span);
        try (Scope current = span.makeCurrent()) {
            return applyRetryingTransientFailures(consumerName, record, first, handler);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            metrics.counter("caseswarm.consumer.errors", "topic", record.topic(), "reason", e.getClass().getSimpleName())
                    .increment();
            throw e;
        } finally {
            span.end();
            Tracing.forgetInLogs();
        }
    }

    /**
     * For a rebuild of a read model replaying its topic a page at a time, in the caller's transaction: records the
     * page's deliveries under {@code consumerName} in one statement and answers the events delivered for the first
     * time, in the page's order, for the caller to apply (failures are the caller's to handle; nothing is retried
     * here). A record that is not a well-formed event is handed to {@code unreadable} and left out.
     */
    public List<ReceivedEvent> firstDeliveries(String consumerName, List<ConsumerRecord<String, String>> page,
            BiConsumer<ConsumerRecord<String, String>, MalformedEventException> unreadable) {
        Map<UUID, ReceivedEvent> events = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : page) {
            try {
                ReceivedEvent event = new ReceivedEvent(CloudEvent.fromRecord(record), json);
                events.putIfAbsent(event.id(), event); // the relay may have published it twice
            } catch (MalformedEventException e) {
                unreadable.accept(record, e);
            }
        }
        if (events.isEmpty()) {
            return List.of();
        }
        Set<UUID> first = recordFirstDeliveries(consumerName, events.keySet());
        return events.values().stream().filter(event -> first.contains(event.id()) || !config.deduplicate()).toList();
    }

    /** Stops waiting on a stalled record when the service shuts down; it is redelivered after the restart. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Whether the service is shutting down: a record that fails now may have failed for that alone (its
     * database pool or persistence unit closing under it), so it is left for the replica that takes the
     * partition over, not dead-lettered.
     */
    public boolean isStopping() {
        return stopping;
    }

    private boolean applyRetryingTransientFailures(String consumerName, ConsumerRecord<String, String> record,
            Runnable first, Consumer<ReceivedEvent> handler) {
        long pauseMs = config.backoff().toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                // A new transaction each try: the handler decides again on state loaded afresh.
                ReceivedEvent applied = QuarkusTransaction.requiringNew().call(() -> {
                    first.run();
                    return applyOnce(consumerName, record, handler);
                });
                stalls.applied(record);
                if (applied == null) {
                    return false;
                }
                // One line per event applied and committed: with its trace id, an operator follows a case
                // across the services' logs. The consumer is named, since a service may apply an event in
                // several read models of its own.
                LOG.infof("Applied %s %s from %s as %s", applied.type(), applied.id(), applied.source(), consumerName);
                return true;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || stopping) {
                    throw e;
                }
                metrics.counter("caseswarm.consumer.retries", "topic", record.topic(), "reason", TransientFailures.rootCause(e).getClass().getSimpleName()).increment();
                if (attempt == config.attempts()) {
                    stalls.stalled(record, e, attempt);
                } else {
                    LOG.debugf("Try %d of %s-%d@%d failed for a transient reason, trying again: %s", attempt,
                            record.topic(), record.partition(), record.offset(), TransientFailures.describe(e));
                }
                pause(pauseMs, e);
                pauseMs = Math.min(pauseMs * 2, config.maxBackoff().toMillis());
            }
        }
    }

    private void pause(long millis, RuntimeException failure) {
        long until = System.currentTimeMillis() + millis;
        try {
            // In slices, so that a shutdown does not wait out a long pause.
            while (!stopping && System.currentTimeMillis() < until) {
                Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }


    /** The event, once the handler has applied it; null when it had been applied before. */
    private ReceivedEvent applyOnce(String consumerName, ConsumerRecord<String, String> record,
            Consumer<ReceivedEvent> handler) {
        ReceivedEvent event = new ReceivedEvent(CloudEvent.fromRecord(record), json);
        if (!recordFirstDelivery(consumerName, event.id()) && config.deduplicate()) {
            LOG.debugf("Skipped %s %s from %s: already applied", event.type(), event.id(), event.source());
            return null;
        }
        handler.accept(event);
        return event;
    }

    private Set<UUID> recordFirstDeliveries(String consumerName, Collection<UUID> eventIds) {
        String sql = "insert into processed_events (consumer, event_id) select ?, unnest(?)"
                + " on conflict do nothing returning event_id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, consumerName);
            insert.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
            Set<UUID> first = new HashSet<>();
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    first.add(inserted.getObject(1, UUID.class));
                }
            }
            return first;
        } catch (SQLException e) {
            throw new EventStoreException("Could not record the delivery of " + eventIds.size() + " events", e);
        }
    }

    private boolean recordFirstDelivery(String consumerName, UUID eventId) {
        // A concurrent delivery of the same id waits on our uncommitted row, then inserts nothing.
        String sql = "insert into processed_events (consumer, event_id) values (?, ?) on conflict do nothing";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, consumerName);
            insert.setObject(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new EventStoreException("Could not record delivery of event " + eventId, e);
        }
    }
}
