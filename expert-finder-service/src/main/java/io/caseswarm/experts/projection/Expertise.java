package io.caseswarm.experts.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.experts.domain.Evidence;
import io.caseswarm.experts.domain.SolvedCase;
import io.caseswarm.experts.index.DirectoryIndex;

/**
 * The one way the finder learns: evidence and solved cases are stored in the consuming transaction and told to
 * the {@link DirectoryIndex}, which counts them once it commits. Evidence already stored (the same person, kind
 * and source) is not counted again.
 */
@ApplicationScoped
public class Expertise {

    private final EntityManager entities;
    private final DirectoryIndex index;
    private final ObjectMapper json;

    Expertise(EntityManager entities, DirectoryIndex index, ObjectMapper json) {
        this.entities = entities;
        this.index = index;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void learn(Evidence evidence) {
        @SuppressWarnings("unchecked")
        List<Number> ids = entities.createNativeQuery("insert into expertise_evidence"
                + " (person_id, kind, skills, product, source, label, at, weight)"
                + " values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?6, ?7, ?8)"
                + " on conflict (person_id, kind, source) do nothing returning id")
                .setParameter(1, evidence.personId()).setParameter(2, evidence.kind().name())
                .setParameter(3, toJson(evidence.skills())).setParameter(4, evidence.product())
                .setParameter(5, evidence.source()).setParameter(6, evidence.label())
                .setParameter(7, evidence.at()).setParameter(8, evidence.weight())
                .getResultList();
        if (!ids.isEmpty()) {
            index.evidenceLearned(ids.getFirst().longValue(), evidence);
        }
    }

    /** The case was resolved (again): its words and solvers replace what was known of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void solved(SolvedCase solved, Instant at) {
        entities.createNativeQuery("insert into solved_case (case_id, number, product, text, solvers, resolved_at)"
                + " values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6) on conflict (case_id) do update set"
                + " number = excluded.number, product = excluded.product, text = excluded.text,"
                + " solvers = excluded.solvers, resolved_at = excluded.resolved_at,"
                + " change_id = nextval('solved_case_change'), recorded_at = now()")
                .setParameter(1, UUID.fromString(solved.caseId())).setParameter(2, solved.number())
                .setParameter(3, solved.product()).setParameter(4, solved.text())
                .setParameter(5, toJson(List.copyOf(solved.solvers()))).setParameter(6, at)
                .executeUpdate();
        index.caseSolved(solved);
    }

    private String toJson(List<String> names) {
        try {
            return json.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
