package io.caseswarm.cases.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.caseswarm.platform.event.KafkaConnection;
import io.caseswarm.platform.event.MalformedEventException;
import io.caseswarm.platform.event.TopicHistory;
import io.caseswarm.platform.inbox.EventInbox;
import io.caseswarm.platform.inbox.ReceivedEvent;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Rebuilds the reporting read model from the topics, as a job in the background: empties it, and replays
 * case-events, swarm-events and expert-events from their beginning up to where they end as the rebuild starts, in
 * one transaction, so readers see the old reports until the new ones are whole. Its progress is kept in
 * {@code report_rebuild} ({@link RebuildStatus}), for any replica to answer.
 *
 * <p>Only the reports' own consumers wait for it, first with no transaction open ({@link #awaitNoRebuild()}); then
 * each takes the reports' lock shared before the inbox records its delivery ({@link #holdOff()}), and the rebuild
 * takes it alone first. So a live consumer never holds an inbox row
 * the rebuild is about to write while it waits. Records after the rebuild's end are applied live afterwards;
 * records before it that the live consumers had not reached yet are then skipped, as the rebuild recorded them.
 */
@ApplicationScoped
public class ReportRebuild {

    private static final Logger LOG = Logger.getLogger(ReportRebuild.class);
    private static final Duration PATIENCE = Duration.ofHours(6);
    private static final Duration REBUILD_CHECK = Duration.ofSeconds(1);
    /** The key of the reports' advisory lock in this service's database: "reports" in ASCII. */
    public static final long LOCK = 0x7265706f727473L;
    /** Children before the tables they refer to. */
    private static final List<String> TABLES = List.of("report_happening", "report_sla", "report_case",
            "report_swarm_member", "report_swarm", "report_expert", "report_pod_product");

    private final EventInbox inbox;
    private final ReportProjector cases;
    private final SwarmReportProjector swarms;
    private final EntityManager db;
    private final DataSource dataSource;
    private final KafkaConnection kafka;
    private volatile boolean stopping;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(job -> new Thread(job, "report-rebuild"));

    ReportRebuild(EventInbox inbox, ReportProjector cases, SwarmReportProjector swarms, EntityManager db,
            DataSource dataSource, KafkaConnection kafka) {
        this.dataSource = dataSource;
        this.inbox = inbox;
        this.cases = cases;
        this.swarms = swarms;
        this.db = db;
        this.kafka = kafka;
    }

    /** Starts a rebuild in the background and answers its status; refused while one is running. */
    public RebuildStatus start() {
        RebuildStatus started = QuarkusTransaction.requiringNew().call(RebuildStatus::claim);
        if (started == null) {
            throw new CommandRejectedException("A rebuild of the reports is running already; see its status.");
        }
        worker.submit(this::run);
        return started;
    }

    /** The latest rebuild's status; null when none was ever started. */
    public RebuildStatus status() {
        return QuarkusTransaction.requiringNew().call(RebuildStatus::latest);
    }

    /**
     * For the reports' live consumers, first in their transaction: waits while a rebuild runs, and keeps a rebuild
     * from starting until the transaction ends.
     */
    public void holdOff() {
        db.createNativeQuery("select 1 from (select pg_advisory_xact_lock_shared(?1)) held").setParameter(1, LOCK)
                .getSingleResult();
    }

    /**
     * For the reports' live consumers, before their transaction: returns once no rebuild runs. So a consumer waits
     * out a long rebuild with no transaction open, whose timeout would fail it over and over, and {@link #holdOff()}
     * then waits only for a rebuild that started in between.
     */
    public void awaitNoRebuild() {
        while (!stopping) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement running = connection.prepareStatement(
                            "select pg_try_advisory_xact_lock_shared(?)")) {
                running.setLong(1, LOCK);
                try (ResultSet free = running.executeQuery()) {
                    if (free.next() && free.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(REBUILD_CHECK.toMillis());
            } catch (SQLException e) {
                return; // the transaction that follows meets the same failure, and the inbox deals with it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        // A rebuild cut off here rolls back; its status turns abandoned when its heartbeat stops.
        worker.shutdownNow();
    }

    private void run() {
        long start = System.nanoTime();
        try {
            long replayed = rebuild();
            compact();
            QuarkusTransaction.requiringNew().run(() -> RebuildStatus.done(replayed));
            LOG.infof("Rebuilt the reports from %d events in %.1f s", replayed, (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException e) {
            LOG.error("The rebuild of the reports failed; the reports are as they were before it", e);
            QuarkusTransaction.requiringNew().run(() -> RebuildStatus.failed(e.toString()));
        }
    }

    /**
     * Once the new model is committed: lays its happenings out in the order of time (the rebuild wrote them case by
     * case, so a month's lay all over the table, and a period's report read nearly all of it), keeping readers out
     * while it does (seconds a million cases); then frees the old model's rows and gives the planner the new
     * model's figures. Not needed for the reports to be right: a failure here is only logged.
     */
    private void compact() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("cluster report_happening using report_happening_at");
            statement.execute("vacuum analyze " + String.join(", ", TABLES));
        } catch (SQLException e) {
            LOG.warn("Could not compact the rebuilt reports; they are right, and slower to read until vacuumed", e);
        }
    }

    private long rebuild() {
        return QuarkusTransaction.requiringNew().timeout((int) PATIENCE.toSeconds()).call(() -> {
            db.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) held").setParameter(1, LOCK)
                    .getSingleResult();
            // Not truncate, which would keep every reader out until the end: readers go on seeing the old model.
            for (String table : TABLES) {
                db.createNativeQuery("delete from " + table).executeUpdate();
            }
            db.createNativeQuery("delete from processed_events where consumer = ?1")
                    .setParameter(1, ReportingConsumer.CONSUMER).executeUpdate();
            Replay replay = new Replay();
            RebuildPage cases = new RebuildPage(db);
            replay.topic("case-events", cases::begin, event -> this.cases.replay(event, cases), cases::end);
            replay.topic("swarm-events", page -> {
            }, swarms::applySwarmEvent, replay::forget);
            replay.topic("expert-events", page -> {
            }, swarms::applyExpertEvent, replay::forget);
            return replay.read;
        });
    }

    /** One rebuild's way through the topics, a page (one poll of records) at a time. */
    private final class Replay {

        long read;

        void topic(String topic, Consumer<List<ConsumerRecord<String, String>>> begin, Consumer<ReceivedEvent> handler,
                Runnable end) {
            TopicHistory.readPages(kafka, topic, PATIENCE, page -> {
                begin.accept(page);
                for (ReceivedEvent event : inbox.firstDeliveries(ReportingConsumer.CONSUMER, page, Replay::skipped)) {
                    try {
                        handler.accept(event);
                    } catch (MalformedEventException e) {
                        skipped(event.id() + " of " + topic, e);
                    }
                }
                end.run();
                read += page.size();
                long soFar = read;
                QuarkusTransaction.requiringNew().run(() -> RebuildStatus.progress(soFar));
            });
        }

        /** Writes the page and lets go of it: the persistence context would otherwise hold the whole history. */
        void forget() {
            db.flush();
            db.clear();
        }

        private static void skipped(Object record, Exception e) {
            // The live consumer sent it to the dead-letter topic: it never counted there either.
            LOG.warnf("Skipped %s in the rebuild: %s", record, e.getMessage());
        }
    }
}
