package io.caseswarm.experts.domain;

import java.util.List;

/**
 * A person who could help, with the parts of their score: how well their skills match (0–1), how
 * available they are now (0–1), and how much room they have (0–1); {@code inPod} whether they are a
 * member of the pod the swarm was routed to (always false when there is none), which raises their score.
 */
public record Candidate(String personId, String name, String email, String chatHandle, List<String> matchedSkills,
        double skillMatch, double availability, double capacity, boolean inPod, double score) {
}
