package io.caseswarm.experts.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.experts.domain.ExpertEvent;
import io.caseswarm.experts.domain.ExpertEvent.DirectoryEvent;
import io.caseswarm.experts.domain.ExpertEvent.ExpertInvitationExpired;
import io.caseswarm.experts.domain.ExpertEvent.ExpertInvited;
import io.caseswarm.experts.domain.ExpertEvent.ExpertRegistered;
import io.caseswarm.experts.domain.ExpertEvent.ExpertUpdated;
import io.caseswarm.experts.domain.ExpertEvent.PodDefined;
import io.caseswarm.experts.domain.ExpertEvent.PodEvent;
import io.caseswarm.experts.domain.ExpertEvent.SkillDefined;
import io.caseswarm.experts.domain.ExpertEvent.SkillEvent;
import io.caseswarm.experts.domain.ExpertEvent.StaffingEvent;
import io.caseswarm.experts.domain.ExpertEvent.SwarmUnstaffed;
import io.caseswarm.experts.index.DirectoryIndex;
import io.caseswarm.platform.event.EventTypes;
import io.caseswarm.platform.store.EventStore;

/**
 * Keeps the skills/capacity view in step with the expert finder's own events, in their transaction, and the
 * in-memory index of it (and the skill taxonomy) once that transaction commits.
 */
@ApplicationScoped
public class ExpertProjector {

    /** Every stream of the expert finder: people, pods, skills and swarms' staffing. */
    public static final String STREAM_TYPE = "expert";
    public static final EventTypes<ExpertEvent> TYPES = EventTypes.of(ExpertEvent.class);
    /** A person's stream. */
    public static final EventTypes<DirectoryEvent> DIRECTORY = EventTypes.of(DirectoryEvent.class);
    /** A pod's stream. */
    public static final EventTypes<PodEvent> PODS = EventTypes.of(PodEvent.class);
    /** A skill's stream. */
    public static final EventTypes<SkillEvent> SKILLS = EventTypes.of(SkillEvent.class);
    /** A swarm's stream. */
    public static final EventTypes<StaffingEvent> STAFFING = EventTypes.of(StaffingEvent.class);

    private final EventStore store;
    private final Assignments assignments;
    private final DirectoryIndex index;
    private final TaxonomyView taxonomy;
    private final ProfileTable profileTable;

    ExpertProjector(EventStore store, Assignments assignments, DirectoryIndex index, TaxonomyView taxonomy,
            ProfileTable profileTable) {
        this.profileTable = profileTable;
        this.store = store;
        this.assignments = assignments;
        this.index = index;
        this.taxonomy = taxonomy;
    }

    /**
     * Appends the events to their stream (the outbox publishes them once the transaction commits) and projects
     * them in the same transaction, from the events in hand rather than decoded back from what was stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String streamId, long expectedVersion, List<? extends ExpertEvent> events) {
        appendAll(List.of(new EventStore.Append(STREAM_TYPE, streamId, expectedVersion, events)));
    }

    /** {@link #append} for many streams at once, in a fixed number of round trips (a bulk import's batch). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<EventStore.Append> appends) {
        store.appendAll(appends);
        Map<String, ProfileTable.Row> profiles = new LinkedHashMap<>();
        for (EventStore.Append append : appends) {
            for (Object event : append.events()) {
                project((ExpertEvent) event, profiles);
            }
        }
        profileTable.upsert(profiles);
    }

    /** Projects one event; a profile it sets is added to {@code profiles}, written with the rest of the batch. */
    private void project(ExpertEvent event, Map<String, ProfileTable.Row> profiles) {
        switch (event) {
            case ExpertRegistered registered -> {
                profiles.put(registered.personId(), new ProfileTable.Row(registered.profile(), registered.registeredAt()));
                index.profileChanged(registered.personId(), registered.profile());
            }
            case ExpertUpdated updated -> {
                profiles.put(updated.personId(), new ProfileTable.Row(updated.profile(), updated.updatedAt()));
                index.profileChanged(updated.personId(), updated.profile());
            }
            case PodDefined defined -> {
                PodView pod = PodView.<PodView>findByIdOptional(defined.podId()).orElseGet(() -> {
                    PodView created = new PodView();
                    created.podId = defined.podId();
                    return created;
                });
                pod.set(defined.definition(), defined.definedAt());
                pod.persist();
            }
            case SkillDefined defined -> {
                SkillDefinitionView skill = SkillDefinitionView.<SkillDefinitionView>findByIdOptional(
                        defined.skill()).orElseGet(() -> {
                            SkillDefinitionView created = new SkillDefinitionView();
                            created.skill = defined.skill();
                            return created;
                        });
                skill.set(defined.definition(), defined.definedBy(), defined.definedAt());
                skill.persist();
                taxonomy.defined(defined.definition());
            }
            case ExpertInvited invited -> {
                assignments.hold(invited.swarmId(), invited.personId(), ExpertAssignment.PENDING);
                staffing(invited).ifPresent(staffing -> staffing.unstaffed = false);
            }
            // An invitation that lapsed holds nobody's time any more.
            case ExpertInvitationExpired expired -> assignments.release(expired.swarmId(), expired.personId());
            case SwarmUnstaffed unstaffed -> staffing(unstaffed).ifPresent(staffing -> staffing.unstaffed = true);
        }
    }

    private static Optional<SwarmStaffing> staffing(StaffingEvent event) {
        return SwarmStaffing.findByIdOptional(event.swarmId());
    }
}
