package io.caseswarm.experts.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.caseswarm.experts.domain.Candidate;
import io.caseswarm.experts.domain.CandidateScoring;
import io.caseswarm.experts.domain.ExpertSnapshot;
import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.projection.ExpertAssignment;
import io.caseswarm.experts.projection.ExpertProfile;

/** Reads the skills/capacity view: people with their current load, ranked for a set of skills. */
@ApplicationScoped
public class ExpertDirectory {

    private final Clock clock;

    ExpertDirectory(Clock clock) {
        this.clock = clock;
    }

    public List<Candidate> candidates(List<String> skills) {
        return candidates(skills, Set.of());
    }

    /** Candidates for a swarm of a pod: its {@code podMembers} are preferred ({@link CandidateScoring#POD_BONUS}). */
    public List<Candidate> candidates(List<String> skills, Set<String> podMembers) {
        Map<String, Integer> loads = ExpertAssignment.loads();
        List<ExpertSnapshot> reachable = ExpertProfile.<ExpertProfile>list("presence <> ?1", Presence.OFFLINE).stream()
                .map(p -> new ExpertSnapshot(p.personId, p.profile(), loads.getOrDefault(p.personId, 0)))
                .toList();
        return CandidateScoring.rank(reachable, skills, podMembers, clock.instant());
    }
}
