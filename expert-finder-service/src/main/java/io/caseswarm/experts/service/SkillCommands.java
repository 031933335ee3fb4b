package io.caseswarm.experts.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.experts.domain.ExpertEvent.SkillDefined;
import io.caseswarm.experts.domain.SkillDefinition;
import io.caseswarm.experts.domain.SkillTaxonomy;
import io.caseswarm.experts.domain.TaxonomyConflict;
import io.caseswarm.experts.projection.ExpertProjector;
import io.caseswarm.experts.projection.SkillDefinitionView;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.retry.RetryOnConflict;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;

/**
 * Defines skills in the taxonomy; each change is published with the skill's whole new definition, in the skill's
 * own stream ({@code skill:<name>}, on expert-events like people's and pods').
 */
@ApplicationScoped
@RetryOnConflict
public class SkillCommands {

    /**
     * Whether a definition fits depends on every other skill's (a cycle can run through several), so definitions
     * are made one at a time across replicas: each checks against all that committed before it.
     */
    private static final long TAXONOMY_LOCK = 0x736b696c6c73L; // "skills"

    private final EventStore store;
    private final ExpertProjector projector;
    private final Clock clock;

    SkillCommands(EventStore store, ExpertProjector projector, Clock clock) {
        this.store = store;
        this.projector = projector;
        this.clock = clock;
    }

    /** Sets the skill's whole definition; the same definition again changes nothing and publishes nothing. */
    @Transactional
    public SkillDefinition define(SkillDefinition definition, Caller caller) {
        SkillDefinitionView.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, TAXONOMY_LOCK).getSingleResult();
        SkillTaxonomy taxonomy = SkillDefinitionView.taxonomy();
        Optional<SkillDefinition> before = taxonomy.definition(definition.skill());
        if (before.isPresent() && before.get().equals(definition)) {
            return definition;
        }
        try {
            taxonomy.define(definition);
        } catch (TaxonomyConflict conflict) {
            throw new CommandRejectedException(conflict.getMessage());
        }
        String stream = SkillDefined.streamOf(definition.skill());
        List<StoredEvent> history = store.load(stream);
        projector.append(stream, history.isEmpty() ? 0 : history.getLast().version(),
                List.of(SkillDefined.of(definition, caller.id(), clock.instant())));
        return definition;
    }
}
