package io.caseswarm.cases.report;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.caseswarm.platform.event.MalformedEventException;
import io.caseswarm.platform.event.TopicHistory;
import io.caseswarm.platform.inbox.EventInbox;
import io.caseswarm.platform.inbox.ReceivedEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds the reporting read model from the topics: empties it, and replays case-events, swarm-events and
 * expert-events from their beginning up to where they end as the rebuild starts, in one transaction, so readers see
 * the old reports until the new ones are whole.
 *
 * <p>The live consumers go on meanwhile: the rebuild first locks the inbox's table against new deliveries (every
 * consumer of this service waits for it), then the model's tables, in the order the consumers take them, so neither
 * waits on the other in a circle. Records after the rebuild's end are applied live afterwards; records before it
 * that the live consumers had not reached yet are then skipped, as the rebuild recorded them.
 */
@ApplicationScoped
public class ReportRebuild {

    private static final Logger LOG = Logger.getLogger(ReportRebuild.class);
    private static final Duration PATIENCE = Duration.ofHours(1);
    private static final int PAGE = 500;
    private static final String TABLES =
            "report_happening, report_sla, report_case, report_swarm_member, report_swarm, report_expert";

    private final EventInbox inbox;
    private final ReportProjector cases;
    private final SwarmReportProjector swarms;
    private final EntityManager db;
    private final String bootstrapServers;

    ReportRebuild(EventInbox inbox, ReportProjector cases, SwarmReportProjector swarms, EntityManager db,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.inbox = inbox;
        this.cases = cases;
        this.swarms = swarms;
        this.db = db;
        this.bootstrapServers = bootstrapServers;
    }

    /** Answers how many events were replayed. */
    public synchronized long rebuild() {
        return QuarkusTransaction.requiringNew().timeout((int) PATIENCE.toSeconds()).call(() -> {
            db.createNativeQuery("lock table processed_events in share row exclusive mode").executeUpdate();
            db.createNativeQuery("lock table " + TABLES + " in access exclusive mode").executeUpdate();
            db.createNativeQuery("truncate " + TABLES).executeUpdate();
            db.createNativeQuery("delete from processed_events where consumer = ?1")
                    .setParameter(1, ReportingConsumer.CONSUMER).executeUpdate();
            Set<UUID> changed = new HashSet<>();
            long replayed = replay("case-events", event -> cases.replay(event, changed), changed)
                    + replay("swarm-events", swarms::applySwarmEvent, changed)
                    + replay("expert-events", swarms::applyExpertEvent, changed);
            LOG.infof("Rebuilt the reports from %d events", replayed);
            return replayed;
        });
    }

    /** Writes the page, then has the happenings of the cases it changed follow them, in one statement. */
    private void endPage(Set<UUID> changed) {
        db.flush();
        ReportHappening.follow(changed);
        changed.clear();
        db.clear();
    }

    private long replay(String topic, Consumer<ReceivedEvent> handler, Set<UUID> changed) {
        long[] replayed = { 0 };
        TopicHistory.read(bootstrapServers, topic, PATIENCE, record -> {
            try {
                inbox.replay(ReportingConsumer.CONSUMER, record, handler);
            } catch (MalformedEventException e) {
                // The live consumer sent it to the dead-letter topic: it never counted there either.
                LOG.warnf("Skipped %s-%d@%d in the rebuild: %s", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
            // The persistence context would otherwise hold every case of the history until the end.
            if (++replayed[0] % PAGE == 0) {
                endPage(changed);
            }
        });
        endPage(changed);
        return replayed[0];
    }
}
