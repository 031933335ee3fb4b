package io.caseswarm.experts.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A person who could help, with the parts of their score: how well their skills match (0–1; declared and learned,
 * directly or through related skills), how like this case are cases they solved ({@code similarCase}, 0–1), how
 * much they know the case's product ({@code productFit}, 0–1), how available they are now (0–1), how much room
 * they have (0–1), whether they are a member of the pod the swarm was routed to ({@code inPod}, always false when
 * there is none), and how much recent invitations weigh on them ({@code fatigue}, 0–1). {@code evidence} says in
 * words why. {@code turn} orders equal scores: it differs from request to request, so a tie does not always go to
 * the same person.
 */
public record Candidate(String personId, String name, String email, String chatHandle, List<String> matchedSkills,
        double skillMatch, double availability, double capacity, boolean inPod, double score, double similarCase,
        double productFit, double fatigue, List<String> evidence, @JsonIgnore int turn) {

    public Candidate {
        matchedSkills = List.copyOf(matchedSkills);
        evidence = List.copyOf(evidence);
    }

    public Candidate withEvidence(List<String> notes) {
        return new Candidate(personId, name, email, chatHandle, matchedSkills, skillMatch, availability, capacity,
                inPod, score, similarCase, productFit, fatigue, notes, turn);
    }
}
