package io.caseswarm.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.platform.event.CloudEvent;
import io.caseswarm.platform.store.EventStoreException;

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

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final String consumer;

    EventInbox(DataSource dataSource, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.dataSource = dataSource;
        this.json = json;
        this.consumer = consumer;
    }

    /** Returns false when the event had already been applied and was skipped. */
    @Transactional
    public boolean apply(ConsumerRecord<String, String> record, Consumer<ReceivedEvent> handler) {
        ReceivedEvent event = new ReceivedEvent(CloudEvent.fromRecord(record), json);
        if (!recordFirstDelivery(event.id())) {
            return false;
        }
        handler.accept(event);
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
