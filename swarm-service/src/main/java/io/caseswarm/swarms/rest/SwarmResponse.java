package io.caseswarm.swarms.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.caseswarm.swarms.domain.SwarmStatus;
import io.caseswarm.swarms.domain.SwarmType;
import io.caseswarm.swarms.projection.SwarmView;

/**
 * A swarm with its members and their answers; {@code ownerId} is the case's current owner, {@code staffing}
 * {@code on-track} or {@code unstaffed} (the expert finder has nobody left to ask), {@code requestedVia} the
 * automation rule that asked for it, if one did; {@code podId} the pod it was routed to (null: none), and
 * {@code type} standard, urgent or backlog. {@code case} is the case's key details for the swarm's room
 * ({@link CaseDetails}), given to those who may read the feed; null for anybody else and in lists.
 */
public record SwarmResponse(UUID id, UUID caseId, String caseNumber, String ownerId, String requestedBy,
        String requestedVia, String priority, String podId, SwarmType type, String question, String stepsTried,
        List<String> skills, int teamSize, SwarmStatus status, String staffing, List<SwarmView.Member> members,
        Instant requestedAt, Instant updatedAt, long version, @JsonProperty("case") CaseDetails caseDetails) {

    public static SwarmResponse of(SwarmView v) {
        return of(v, null);
    }

    static SwarmResponse of(SwarmView v, CaseDetails caseDetails) {
        return new SwarmResponse(v.swarmId, v.caseId, v.caseNumber, v.ownerId, v.requestedBy, v.requestedVia,
                v.priority, v.podId, v.type, v.question, v.stepsTried, v.skills, v.teamSize, v.status, v.staffing,
                v.members, v.requestedAt, v.updatedAt, v.version, caseDetails);
    }
}
