package io.caseswarm.experts.domain;

import java.time.Instant;
import java.util.List;

import io.caseswarm.experts.domain.ExpertEvent.PodDefined;
import io.caseswarm.experts.domain.ExpertEvent.PodEvent;
import io.quarkus.security.ForbiddenException;

/**
 * A pod in the directory. Decides who may define it: an admin sets any pod as a whole; one of an existing
 * pod's leads keeps its members, and nothing else (not its leads, so a lead cannot make themselves, or
 * anyone, a lead).
 */
public final class Pod {

    private String podId;
    private PodDefinition definition;
    private long version;

    private Pod() {
    }

    public static Pod replay(List<? extends PodEvent> history) {
        Pod pod = new Pod();
        history.forEach(pod::apply);
        return pod;
    }

    /**
     * Defines the pod (created, or replaced as a whole) by {@code by}, who is an admin or not. Defining it as
     * it is changes nothing.
     */
    public List<ExpertEvent> define(String id, PodDefinition newDefinition, String by, boolean admin, Instant now) {
        if (!admin) {
            if (definition == null || !definition.leads().contains(by)) {
                throw new ForbiddenException("Only an admin defines pod " + id + "; its leads change its members");
            }
            if (!newDefinition.equals(definition.withMembers(newDefinition.members()))) {
                throw new ForbiddenException("A lead of pod " + id + " changes its members only; an admin the rest");
            }
        }
        return newDefinition.equals(definition) ? List.of() : List.of(PodDefined.of(id, newDefinition, by, now));
    }

    void apply(PodEvent event) {
        switch (event) {
            case PodDefined defined -> {
                podId = defined.podId();
                definition = defined.definition();
            }
        }
        version++;
    }

    public String id() {
        return podId;
    }

    public long version() {
        return version;
    }
}
