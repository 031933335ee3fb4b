package io.caseswarm.platform.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code caseswarm_outbox_lag_seconds}: how long the oldest unpublished event has waited, 0 when the
 * outbox is empty. Read from the database at scrape time, so every replica reports the same truth
 * whichever of them is publishing.
 */
@ApplicationScoped
public class OutboxLag {

    private static final Logger LOG = Logger.getLogger(OutboxLag.class);

    private final DataSource dataSource;

    OutboxLag(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void register(@Observes StartupEvent startup, ServiceGauges gauges) {
        gauges.register(Gauge.builder("caseswarm.outbox.lag", this, OutboxLag::seconds)
                .description("Age of the oldest event not yet published to Kafka")
                .baseUnit("seconds"));
    }

    double seconds() {
        String sql = "select coalesce(extract(epoch from now() - min(occurred_at)), 0) from events"
                + " where published_at is null";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getDouble(1);
        } catch (SQLException e) {
            LOG.debugf("Outbox lag unknown: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
