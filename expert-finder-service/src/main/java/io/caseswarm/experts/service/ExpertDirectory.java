package io.caseswarm.experts.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.caseswarm.experts.domain.Candidate;
import io.caseswarm.experts.domain.CandidateScoring;
import io.caseswarm.experts.domain.Staffing;
import io.caseswarm.experts.index.DirectoryIndex;

/** Reads the skills/capacity view, from its in-memory index: people with their current load, ranked for skills. */
@ApplicationScoped
public class ExpertDirectory {

    private final DirectoryIndex index;
    private final Clock clock;

    ExpertDirectory(DirectoryIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    /** The best {@code limit} candidates for {@code skills}, leaving out {@code excluded}, best first. */
    public List<Candidate> candidates(List<String> skills, Set<String> excluded, int limit) {
        return index.top(skills, Set.of(), excluded, null, limit, clock.instant());
    }

    /**
     * Enough of the ranking for {@link Staffing#invite} to choose {@code howMany} people exactly as from the whole
     * of it: it takes, in rank order, the best who bring a skill not yet covered, else the best. So the best
     * {@code howMany} overall, and for each skill the best {@code howMany} who declared it, hold every pick.
     * Nobody in {@code notAgain} (the owner, whoever was asked before) is among them; {@code podMembers} are
     * preferred ({@link CandidateScoring#POD_BONUS}).
     */
    public List<Candidate> staffingCandidates(List<String> skills, Set<String> podMembers, Set<String> notAgain,
            int howMany) {
        var now = clock.instant();
        Map<String, Candidate> enough = new LinkedHashMap<>();
        index.top(skills, podMembers, notAgain, null, howMany, now).forEach(c -> enough.put(c.personId(), c));
        for (String skill : Set.copyOf(skills)) {
            index.top(skills, podMembers, notAgain, skill, howMany, now).forEach(c -> enough.put(c.personId(), c));
        }
        List<Candidate> ranked = new ArrayList<>(enough.values());
        ranked.sort(CandidateScoring.ORDER);
        return ranked;
    }
}
