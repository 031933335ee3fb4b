package io.caseswarm.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import io.caseswarm.platform.event.CloudEvent;
import io.caseswarm.platform.event.EventTopics;
import io.caseswarm.platform.metrics.ServiceGauges;
import io.caseswarm.platform.retry.Backoff;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.trace.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the events table to Kafka: every unpublished event, in store order, marked published only
 * after the broker has acknowledged it. At-least-once; consumers deduplicate by {@code ce_id}.
 *
 * <p>Each replica runs a relay, but only the one holding the database's advisory lock publishes, so
 * replicas neither reorder nor double events. The leader sleeps on LISTEN and is woken by the NOTIFY
 * that every append sends on commit. It uses a connection of its own, outside the pool, because the
 * advisory lock and the LISTEN belong to one database session for as long as it leads.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any fixed number: advisory locks are per database, and each service has its own. */
    private static final long LEADER_LOCK = 0x0ca5e5_0a7L;

    private final OutboxConfig config;
    private final EventPublisher publisher;
    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final String source;
    private final MeterRegistry metrics;

    private final Tracing tracing;
    private volatile boolean running;
    private volatile boolean leading;
    /** The leader's session while it waits for a NOTIFY, so that a stop can end the wait. */
    private volatile Connection listening;
    private Thread worker;

    OutboxRelay(OutboxConfig config, EventPublisher publisher,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.application.name") String source, MeterRegistry metrics, Tracing tracing) {
        this.config = config;
        this.tracing = tracing;
        this.publisher = publisher;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.source = source;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled by configuration");
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            endListening();
            worker.join(Duration.ofSeconds(10));
            // Closed here, while the container still runs: a relay that never published has no publisher yet,
            // and creating one from the worker after shutdown fails.
            publisher.close();
        }
    }

    /**
     * {@code caseswarm_outbox_leader}: 1 on the replica that publishes the service's events, 0 on the others, so
     * an operator (and the scale-out run) can see which one leads and that only one does.
     */
    void registerGauge(@Observes StartupEvent startup, ServiceGauges gauges) {
        gauges.register(Gauge.builder("caseswarm.outbox.leader", this, relay -> relay.isLeading() ? 1 : 0)
                .description("1 while this replica holds the outbox publishing lock"));
    }

    /** Whether this replica currently holds the publishing lock. */
    public boolean isLeading() {
        return leading;
    }

    private void run() {
        Backoff backoff = new Backoff(config.backoff(), config.maxBackoff());
        int failures = 0;
        while (running) {
            try (Connection session = DriverManager.getConnection(jdbcUrl, username.orElse(null), password.orElse(null))) {
                session.setAutoCommit(true);
                awaitLeadership(session);
                listen(session);
                while (running) {
                    if (publishPending(session)) {
                        failures = 0;
                        waitForAppend(session);
                    } else {
                        pause(backoff.after(++failures));
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    Duration pause = backoff.after(++failures);
                    LOG.warnf("Outbox relay lost its database session (%s); retrying in %s", e.getMessage(), pause);
                    pause(pause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                leading = false;
            }
        }
    }

    private void awaitLeadership(Connection session) throws SQLException, InterruptedException {
        try (PreparedStatement tryLock = session.prepareStatement("select pg_try_advisory_lock(?)")) {
            tryLock.setLong(1, LEADER_LOCK);
            while (running) {
                try (ResultSet row = tryLock.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        leading = true;
                        LOG.info("Outbox relay is the publisher for this database");
                        return;
                    }
                }
                // Another replica publishes; take over when its session ends.
                Thread.sleep(config.maxBackoff().toMillis());
            }
            throw new InterruptedException("stopping");
        }
    }

    private static void listen(Connection session) throws SQLException {
        try (Statement statement = session.createStatement()) {
            statement.execute("listen " + EventStore.APPENDED_CHANNEL);
        }
    }

    private void waitForAppend(Connection session) throws SQLException {
        listening = session;
        try {
            if (running) {
                // Returns at once when notifications are queued, else at the first NOTIFY or after the sweep interval.
                session.unwrap(PGConnection.class).getNotifications((int) config.idleSweep().toMillis());
            }
        } finally {
            listening = null;
        }
    }

    /**
     * The wait for a NOTIFY is a socket read, which an interrupt does not end: a stopping relay would hold
     * its session, and with it the publishing lock, for up to the sweep interval. Aborting the session ends
     * the wait at once and hands the lock to another replica. Only a waiting session is aborted, so a batch
     * being published is marked as such first.
     */
    private void endListening() {
        Connection session = listening;
        if (session != null) {
            try {
                session.abort(Runnable::run);
            } catch (SQLException e) {
                LOG.debugf("Could not abort the relay's session: %s", e.getMessage());
            }
        }
    }

    /**
     * Sends unpublished events until none are left. Returns false when a send failed; the events not
     * acknowledged stay unpublished and are sent again, in order, on the next round.
     */
    private boolean publishPending(Connection session) throws SQLException {
        while (running) {
            List<PendingEvent> batch = readBatch(session);
            if (batch.isEmpty()) {
                return true;
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
            List<Span> spans = new ArrayList<>(batch.size());
            for (PendingEvent event : batch) {
                // The hop from the outbox to the broker is a span of the trace that appended the event, so a
                // trace shows how long the event waited to be published; consumers continue from it.
                Span span = tracing.start("publish " + event.topic(), SpanKind.PRODUCER,
                        name -> Tracing.TRACEPARENT.equals(name) ? event.traceParent() : null);
                spans.add(span);
                Future<RecordMetadata> send = publisher.send(event.toRecord(Tracing.traceParent(span)));
                sends.add(send);
                if (send.isDone() && send.state() == Future.State.FAILED) {
                    // The broker is out of reach. Sending on could get a later event of the same stream
                    // through once it is back, ahead of this one: stop here and retry from this event.
                    break;
                }
            }
            // The batch is all there is to send now: waiting out the producer's linger would only add to
            // every event's latency.
            publisher.flush();
            List<Long> acknowledged = new ArrayList<>(sends.size());
            Exception failure = null;
            for (int i = 0; i < sends.size(); i++) {
                try {
                    sends.get(i).get();
                    acknowledged.add(batch.get(i).position());
                    metrics.counter("caseswarm.events.published", "topic", batch.get(i).topic()).increment();
                } catch (ExecutionException e) {
                    failure = e;
                    spans.get(i).setStatus(StatusCode.ERROR, rootMessage(e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                    // The relay is stopping: the sends not waited for end their spans too.
                    spans.subList(i + 1, spans.size()).forEach(Span::end);
                    break;
                } finally {
                    spans.get(i).end();
                }
            }
            markPublished(session, acknowledged);
            if (failure != null) {
                LOG.warnf("Outbox relay could not publish %d of %d events (%s); they will be sent again",
                        batch.size() - acknowledged.size(), batch.size(), rootMessage(failure));
                // The idempotent producer keeps per-partition order within a session; after a failed
                // send a new producer starts clean, and the unacknowledged events are sent again in order.
                publisher.reset();
                return false;
            }
        }
        return true;
    }

    private List<PendingEvent> readBatch(Connection session) throws SQLException {
        String sql = "select position, event_id, stream_type, stream_id, event_type, schema_version, payload::text,"
                + " occurred_at, trace_parent from events where published_at is null order by position limit ?";
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            statement.setInt(1, config.batchSize());
            List<PendingEvent> batch = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    CloudEvent event = new CloudEvent(rows.getObject(2, UUID.class), rows.getString(5), source,
                            rows.getString(4), rows.getTimestamp(8).toInstant(), rows.getInt(6), rows.getString(7));
                    batch.add(new PendingEvent(rows.getLong(1), EventTopics.forStreamType(rows.getString(3)), event,
                            rows.getString(9)));
                }
            }
            return batch;
        }
    }

    private static void markPublished(Connection session, List<Long> positions) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        try (PreparedStatement update =
                session.prepareStatement("update events set published_at = now() where position = any(?)")) {
            Array array = session.createArrayOf("bigint", positions.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record PendingEvent(long position, String topic, CloudEvent cloudEvent, String traceParent) {

        /** The CloudEvent, and the W3C trace context of its publication for the consumers to go on with. */
        ProducerRecord<String, String> toRecord(String publication) {
            ProducerRecord<String, String> record = cloudEvent.toRecord(topic);
            record.headers().add(Tracing.TRACEPARENT, publication.getBytes(StandardCharsets.UTF_8));
            return record;
        }
    }
}
