package io.caseswarm.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Human-readable case numbers (CS-000042) from a database sequence: unique across replicas, never reused. */
@ApplicationScoped
public class CaseNumbers {

    private final EntityManager entityManager;

    CaseNumbers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public String next() {
        Number next = (Number) entityManager.createNativeQuery("select nextval('case_number')").getSingleResult();
        return "CS-%06d".formatted(next.longValue());
    }
}
