package io.caseswarm.swarms.domain;

import java.util.List;
import java.util.UUID;

/** The owner's call for help: the question, what was tried, the skills needed and how many experts. */
public record RequestSwarm(UUID swarmId, UUID caseId, String ownerId, String question, String stepsTried,
        List<String> skills, int teamSize) {
}
