package io.caseswarm.swarms.domain;

import java.util.List;
import java.util.UUID;

/**
 * A call for help on a case: the question, what was tried, the skills needed, how many experts (null: the
 * type's default team) and the swarm's type (null: chosen by the case's priority, see
 * {@link SwarmType#orDefault}). Who owns the swarm is not part of it: that is always the case's owner,
 * whoever made the call.
 */
public record RequestSwarm(UUID swarmId, UUID caseId, String question, String stepsTried, List<String> skills,
        Integer teamSize, SwarmType type) {
}
