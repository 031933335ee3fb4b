package io.caseswarm.experts.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.caseswarm.experts.domain.Candidate;
import io.caseswarm.experts.domain.CandidateQuery;
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

    /**
     * The best {@code limit} candidates for {@code skills} (and a case's {@code product} and {@code text}, either
     * null), leaving out {@code excluded}, best first. Equal scores
     * are ordered by the day, so they take turns from one day to the next.
     */
    public List<Candidate> candidates(List<String> skills, String product, String text, Set<String> excluded,
            int limit) {
        var now = clock.instant();
        return index.top(new CandidateQuery(skills, product, text, Set.of(), excluded, null, false,
                LocalDate.ofInstant(now, ZoneOffset.UTC).toString()), limit, now);
    }

    /** The skills among {@code skills} that nobody declared or showed, nor any skill that counts for them. */
    public List<String> unknown(List<String> skills) {
        return index.unknown(skills);
    }

    /** Enough of the ranking to staff a swarm from, as {@link DirectoryIndex#staffingCandidates} gives it. */
    public List<Candidate> staffingCandidates(CandidateQuery query, int howMany) {
        return index.staffingCandidates(query, howMany, clock.instant());
    }
}
