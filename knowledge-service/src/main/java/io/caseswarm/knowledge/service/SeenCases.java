package io.caseswarm.knowledge.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The cases the knowledge base has seen opened. case-service owns cases; this is only what knowledge-service
 * heard on case-events, enough to refuse an article "used" on a case that does not exist.
 */
@ApplicationScoped
public class SeenCases {

    private final EntityManager entityManager;

    SeenCases(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Runs in the inbox's transaction; a case seen again (a redelivery, a replay) is already known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(UUID caseId, Instant openedAt) {
        // The cast types a null openedAt (older case-opened events may lack it) for PostgreSQL.
        entityManager.createNativeQuery("insert into seen_case (case_id, opened_at)"
                + " values (?1, cast(?2 as timestamptz)) on conflict (case_id) do nothing")
                .setParameter(1, caseId).setParameter(2, openedAt).executeUpdate();
    }

    public boolean known(UUID caseId) {
        return !entityManager.createNativeQuery("select 1 from seen_case where case_id = ?1")
                .setParameter(1, caseId).getResultList().isEmpty();
    }
}
