package io.caseswarm.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.platform.event.CloudEvent;
import io.caseswarm.platform.store.EventStoreException;
import io.caseswarm.platform.trace.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies each received event exactly once: the event's id is recorded in the same transaction as
 * the handler's effect, so a redelivered event is skipped and a failed handler records nothing.
 *
 * <p>A record that is not a well-formed event, or whose handler fails, makes {@link #apply} throw;
 * the channel's {@code dead-letter-queue} failure strategy then moves it to the dead-letter topic
 * with the reason, and the consumer goes on with the next record.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final String consumer;
    private final Tracing tracing;
    private final MeterRegistry metrics;

    EventInbox(DataSource dataSource, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String consumer, Tracing tracing,
            MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.json = json;
        this.consumer = consumer;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    /**
     * Returns false when the event had already been applied and was skipped. The work is a span of the
     * trace the record carries, so events appended here continue the trace of whatever caused it.
     */
    public boolean apply(ConsumerRecord<String, String> record, Consumer<ReceivedEvent> handler) {
        Span span = tracing.start("consume " + record.topic(), SpanKind.CONSUMER, name -> CloudEvent.header(record.headers(), name));
        Tracing.showInLogs(span);
        try (Scope current = span.makeCurrent()) {
            return QuarkusTransaction.joiningExisting().call(() -> applyOnce(record, handler));
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

    private boolean applyOnce(ConsumerRecord<String, String> record, Consumer<ReceivedEvent> handler) {
        ReceivedEvent event = new ReceivedEvent(CloudEvent.fromRecord(record), json);
        if (!recordFirstDelivery(event.id())) {
            LOG.debugf("Skipped %s %s from %s: already applied", event.type(), event.id(), event.source());
            return false;
        }
        handler.accept(event);
        // One line per applied event: with its trace id, an operator follows a case across the services.
        LOG.infof("Applied %s %s from %s", event.type(), event.id(), event.source());
        return true;
    }

    private boolean recordFirstDelivery(UUID eventId) {
        // A concurrent delivery of the same id waits on our uncommitted row, then inserts nothing.
        String sql = "insert into processed_events (consumer, event_id) values (?, ?) on conflict do nothing";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, consumer);
            insert.setObject(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new EventStoreException("Could not record delivery of event " + eventId, e);
        }
    }
}
