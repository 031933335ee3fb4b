package io.caseswarm.experts.projection;

import java.util.List;
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
import io.caseswarm.platform.store.StoredEvent;

/**
 * Keeps the skills/capacity view in step with the expert finder's own events, in their transaction, and the
 * in-memory index of it (and the skill taxonomy) once that transaction commits.
 */
@ApplicationScoped
public class ExpertProjector {

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

    ExpertProjector(EventStore store, Assignments assignments, DirectoryIndex index, TaxonomyView taxonomy) {
        this.store = store;
        this.assignments = assignments;
        this.index = index;
        this.taxonomy = taxonomy;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void project(List<StoredEvent> events) {
        for (StoredEvent stored : events) {
            switch (store.decode(stored, TYPES)) {
                case ExpertRegistered registered -> {
                    ExpertProfile profile = new ExpertProfile();
                    profile.personId = registered.personId();
                    profile.set(registered.profile(), registered.registeredAt());
                    profile.persist();
                    index.profileChanged(registered.personId(), registered.profile());
                }
                case ExpertUpdated updated -> {
                    ExpertProfile profile = ExpertProfile.findById(updated.personId());
                    profile.set(updated.profile(), updated.updatedAt());
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
    }

    private static Optional<SwarmStaffing> staffing(StaffingEvent event) {
        return SwarmStaffing.findByIdOptional(event.swarmId());
    }
}
