package io.caseswarm.experts.domain;

import java.util.List;
import java.util.UUID;

/**
 * What a swarm needs, as the swarm service asked for it, with the case number and question the
 * invitations carry (null in swarms requested before they were kept) and the case's priority, which
 * sets how long an invitation waits (null when unknown). {@code podId} is the pod the swarm was routed
 * to (null: none), whose members are preferred; {@code type} the swarm's type (standard, urgent, backlog;
 * null on older swarms, taken as standard); {@code product} the case's product and {@code stepsTried} what the
 * requester tried (both null on older swarms).
 */
public record SwarmRequest(UUID swarmId, UUID caseId, String ownerId, List<String> skills, int teamSize,
        String caseNumber, String question, String priority, String podId, String type, String product,
        String stepsTried) {

    /** As swarms were asked for before the case's product and the steps tried reached the expert finder. */
    public SwarmRequest(UUID swarmId, UUID caseId, String ownerId, List<String> skills, int teamSize,
            String caseNumber, String question, String priority, String podId, String type) {
        this(swarmId, caseId, ownerId, skills, teamSize, caseNumber, question, priority, podId, type, null, null);
    }

    public boolean urgent() {
        return "urgent".equals(type);
    }

    /** The words of the request, for finding the cases most like it. */
    public String text() {
        return stepsTried == null ? question : question + "\n" + stepsTried;
    }
}
