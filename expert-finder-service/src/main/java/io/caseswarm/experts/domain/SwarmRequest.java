package io.caseswarm.experts.domain;

import java.util.List;
import java.util.UUID;

/** What a swarm needs, as the swarm service asked for it. */
public record SwarmRequest(UUID swarmId, UUID caseId, String ownerId, List<String> skills, int teamSize) {
}
