package io.caseswarm.experts.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.caseswarm.experts.domain.Candidate;
import io.caseswarm.experts.domain.CandidateQuery;
import io.caseswarm.experts.domain.Evidence;
import io.caseswarm.experts.domain.FinderWeights;
import io.caseswarm.experts.domain.SolvedCase;
import io.caseswarm.experts.projection.TaxonomyView;
import io.caseswarm.experts.domain.Profile;
import io.caseswarm.platform.tx.OnCommit;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * This replica's {@link ExpertIndex}: built at start from the service's own tables ({@link DirectoryTables}),
 * then kept current by the changes of every transaction that commits (profiles registered or changed, load up
 * or down). A change is held until its transaction commits and dropped if it rolls back, so the index never
 * shows what PostgreSQL, the durable copy, does not hold. What other replicas change it reads from the
 * {@code directory_change} log the tables' triggers write.
 */
@ApplicationScoped
public class DirectoryIndex {

    private static final Logger LOG = Logger.getLogger(DirectoryIndex.class);
    private static final Object PENDING = new Object();

    private final OnCommit onCommit;
    private final DirectoryTables tables;
    private final TaxonomyView taxonomy;
    private final ExpertIndex index;
    private final CountDownLatch built = new CountDownLatch(1);
    /** People changed by transactions that committed while the index was being built: read again after. */
    private final Set<String> changedDuringBuild = new HashSet<>();
    private boolean live;
    /** How old a noted change must be before it is read: older than any transaction of this service runs. */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration KEEP_CHANGES = Duration.ofHours(1);
    private static final int PRUNE_EVERY = 600;
    private final Duration syncInterval;
    /** This replica's name in the change log: its own changes it applied at commit, and skips there. */
    private final String replicaId;
    private final ScheduledExecutorService otherReplicas = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("expert-index-sync").daemon().factory());
    private volatile long lastChange;
    private long syncs;

    /** The latest evidence row and solved-case change read from the tables (this replica's own or another's). */
    private volatile long lastEvidence;
    private volatile long lastSolved;
    /** Evidence this replica learned at its own commits: the tail of the table skips it instead of counting it twice. */
    private final Set<Long> learnedHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

    DirectoryIndex(OnCommit onCommit, DirectoryTables tables, TaxonomyView taxonomy,
            FinderWeights weights, Clock clock,
            @ConfigProperty(name = "caseswarm.expert-index.sync-interval", defaultValue = "PT1S") Duration syncInterval,
            @ConfigProperty(name = "caseswarm.replica-id") String replicaId) {
        this.replicaId = replicaId;
        this.onCommit = onCommit;
        this.tables = tables;
        this.taxonomy = taxonomy;
        this.index = new ExpertIndex(weights, clock.instant());
        this.syncInterval = syncInterval;
    }

    void build(@Observes StartupEvent started) {
        long start = System.nanoTime();
        // Changes noted from here on are read again later: whatever the snapshot below missed is among them.
        lastChange = tables.lastChange();
        tables.readAll(index::put, index::addLoad);
        // Evidence and solved cases only ever grow: read up to a settled mark, and the tail reads on from there.
        lastEvidence = tables.readEvidence(0, SETTLE, Integer.MAX_VALUE, (id, evidence) -> index.learn(evidence));
        lastSolved = tables.readSolved(0, SETTLE, Integer.MAX_VALUE, index::solved);
        // Whoever changed meanwhile is read again, until a round finds nobody changed; from then on committed
        // changes go straight into the index.
        while (true) {
            Set<String> again;
            synchronized (this) {
                again = new HashSet<>(changedDuringBuild);
                changedDuringBuild.clear();
                if (again.isEmpty()) {
                    live = true;
                    break;
                }
            }
            tables.read(again, index::put, index::setLoad);
        }
        built.countDown();
        otherReplicas.scheduleWithFixedDelay(this::readOtherReplicasChanges, syncInterval.toMillis(),
                syncInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Expert index built: %d people in %d ms", index.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Other replicas change the tables too: every {@code sync-interval}, the people changed since the last look
     * (by anyone but this replica, whose own changes went in at their commit) are read again from the tables, whole.
     * So another replica's change shows here within about {@code settle} + {@code sync-interval}.
     */
    private void readOtherReplicasChanges() {
        try {
            DirectoryTables.Changes changes = tables.changesSince(lastChange, replicaId, SETTLE, 50_000);
            if (!changes.people().isEmpty()) {
                tables.read(changes.people(), index::put, index::setLoad);
            }
            lastChange = changes.last();
            lastEvidence = tables.readEvidence(lastEvidence, SETTLE, 50_000, (id, evidence) -> {
                if (!learnedHere.remove(id)) {
                    index.learn(evidence);
                }
            });
            lastSolved = tables.readSolved(lastSolved, SETTLE, 50_000, index::solved);
            if (++syncs % PRUNE_EVERY == 0) {
                tables.prune(KEEP_CHANGES);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not read the directory's changes; trying again in %s", syncInterval);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        otherReplicas.shutdownNow();
    }

    /** The best {@code k} candidates, as {@link ExpertIndex#top} ranks them. */
    public List<Candidate> top(CandidateQuery query, int k, Instant now) {
        awaitBuilt();
        index.taxonomy(taxonomy.current());
        return index.top(query, k, now);
    }

    /** As {@link ExpertIndex#staffingCandidates}. */
    public List<Candidate> staffingCandidates(CandidateQuery query, int howMany, Instant now) {
        awaitBuilt();
        index.taxonomy(taxonomy.current());
        return index.staffingCandidates(query, howMany, now);
    }

    /** As {@link ExpertIndex#unknown}. */
    public List<String> unknown(List<String> skills) {
        awaitBuilt();
        index.taxonomy(taxonomy.current());
        return index.unknown(skills);
    }

    /**
     * The evidence stored as row {@code id} counts once the current transaction commits. While the index is being
     * built it is left to the table's tail, which reads it in its turn.
     */
    public void evidenceLearned(long id, Evidence evidence) {
        pending().evidence.put(id, evidence);
    }

    /** A case was resolved; once the current transaction commits, requests like it find its solvers. */
    public void caseSolved(SolvedCase solved) {
        pending().solved.add(solved);
    }

    /** The person's profile is {@code profile} once the current transaction commits. */
    public void profileChanged(String personId, Profile profile) {
        pending().profiles.put(personId, profile);
    }

    /** The person carries {@code delta} more swarms (fewer when negative) once the current transaction commits. */
    public void loadChanged(String personId, int delta) {
        pending().loads.merge(personId, delta, Integer::sum);
    }

    private Changes pending() {
        return onCommit.changes(PENDING, Changes::new, this::apply);
    }

    private synchronized void apply(Changes changes) {
        if (!live) {
            changedDuringBuild.addAll(changes.profiles.keySet());
            changedDuringBuild.addAll(changes.loads.keySet());
            return;
        }
        changes.profiles.forEach(index::put);
        changes.loads.forEach(index::addLoad);
        changes.evidence.forEach((id, evidence) -> {
            learnedHere.add(id);
            index.learn(evidence);
        });
        changes.solved.forEach(index::solved);
    }

    private void awaitBuilt() {
        try {
            if (!built.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The expert index is still being built");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the expert index is being built", e);
        }
    }

    /** One transaction's changes to the index, applied when (and only if) it commits. */
    private static final class Changes {
        final Map<String, Profile> profiles = new HashMap<>();
        final Map<String, Integer> loads = new HashMap<>();
        final Map<Long, Evidence> evidence = new HashMap<>();
        final List<SolvedCase> solved = new ArrayList<>();
    }
}
