package io.caseswarm.experts.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.experts.domain.SkillDefinition;
import io.caseswarm.experts.domain.SkillTaxonomy;
import io.caseswarm.experts.domain.TaxonomyConflict;
import io.caseswarm.platform.tx.OnCommit;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * This replica's skill taxonomy, in memory: ranking asks it for a skill's sources and must never wait for a query.
 * Read from {@code skill_definition} at start; this replica's definitions replace it when their transaction
 * commits (never before, so a rolled-back definition never counts); other replicas' are read again from the table
 * when a cheap look (count and sum of revisions) every {@code caseswarm.expert-index.sync-interval} finds it
 * changed.
 */
@ApplicationScoped
public class TaxonomyView {

    private static final Logger LOG = Logger.getLogger(TaxonomyView.class);
    private static final Object PENDING = new Object();
    private static final String SIGNATURE = "select count(*), coalesce(sum(revision), 0) from skill_definition";
    private static final String DEFINITIONS = "select skill, synonyms::text, broader, related::text"
            + " from skill_definition";
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Double>> WEIGHTS = new TypeReference<>() {
    };

    private final OnCommit onCommit;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Duration syncInterval;
    private final ScheduledExecutorService otherReplicas = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("skill-taxonomy-sync").daemon().factory());
    private volatile SkillTaxonomy current = SkillTaxonomy.EMPTY;
    /** What the table looked like when last read (count, sum of revisions); null: read it again. */
    private volatile List<Long> seen;
    /** How many of this replica's commits were applied: a read that began before one must not undo it. */
    private long applied;

    TaxonomyView(OnCommit onCommit, DataSource dataSource, ObjectMapper json,
            @ConfigProperty(name = "caseswarm.expert-index.sync-interval", defaultValue = "PT1S") Duration syncInterval) {
        this.onCommit = onCommit;
        this.dataSource = dataSource;
        this.json = json;
        this.syncInterval = syncInterval;
    }

    void load(@Observes StartupEvent started) {
        readIfChanged();
        otherReplicas.scheduleWithFixedDelay(this::syncWithOtherReplicas, syncInterval.toMillis(),
                syncInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Skill taxonomy read: %d skills defined", current.definitions().size());
    }

    void stop(@Observes ShutdownEvent stopping) {
        otherReplicas.shutdownNow();
    }

    /** The taxonomy as this replica knows it now; never queries. */
    public SkillTaxonomy current() {
        return current;
    }

    /** {@code definition} counts once the current transaction commits. */
    public void defined(SkillDefinition definition) {
        onCommit.<List<SkillDefinition>>changes(PENDING, ArrayList::new, this::apply).add(definition);
    }

    private synchronized void apply(List<SkillDefinition> definitions) {
        try {
            SkillTaxonomy next = current;
            for (SkillDefinition definition : definitions) {
                next = next.define(definition);
            }
            current = next;
            applied++;
        } catch (TaxonomyConflict staleHere) {
            // Another replica's definitions have not reached this one yet; the table has all of them.
            seen = null;
        }
    }

    private void syncWithOtherReplicas() {
        try {
            readIfChanged();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not read the skill taxonomy; trying again in %s", syncInterval);
        }
    }

    private void readIfChanged() {
        long appliedBefore;
        synchronized (this) {
            appliedBefore = applied;
        }
        try (Connection connection = dataSource.getConnection()) {
            List<Long> signature;
            try (PreparedStatement statement = connection.prepareStatement(SIGNATURE);
                    ResultSet row = statement.executeQuery()) {
                row.next();
                signature = List.of(row.getLong(1), row.getLong(2));
            }
            if (signature.equals(seen)) {
                return;
            }
            List<SkillDefinition> definitions = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(DEFINITIONS);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    definitions.add(new SkillDefinition(rows.getString(1), json.readValue(rows.getString(2), NAMES),
                            rows.getString(3), json.readValue(rows.getString(4), WEIGHTS)));
                }
            }
            synchronized (this) {
                if (applied == appliedBefore) {
                    current = SkillTaxonomy.of(definitions);
                    seen = signature;
                } else {
                    seen = null; // read before a commit of this replica: read again rather than undo it
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read the skill taxonomy", e);
        }
    }
}
