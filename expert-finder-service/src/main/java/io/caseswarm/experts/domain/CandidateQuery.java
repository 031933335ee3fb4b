package io.caseswarm.experts.domain;

import java.util.List;
import java.util.Set;

/**
 * What the finder is asked: the skills needed (a skill named twice weighs twice), the case's product and words
 * (either may be null), the swarm's pod's members (preferred), people to leave out, a skill every candidate must
 * know ({@code mustHave}, null: any), whether the swarm is urgent (people who opted in are asked on their days off
 * too), and a {@code seed} that orders equal scores (the swarm's id; null: alphabetically).
 */
public record CandidateQuery(List<String> skills, String product, String text, Set<String> podMembers,
        Set<String> excluded, String mustHave, boolean urgent, String seed) {

    public CandidateQuery {
        skills = List.copyOf(skills);
        podMembers = Set.copyOf(podMembers);
        excluded = Set.copyOf(excluded);
    }

    /** Just skills, as {@code GET /candidates} asks. */
    public static CandidateQuery forSkills(List<String> skills, Set<String> excluded, String seed) {
        return new CandidateQuery(skills, null, null, Set.of(), excluded, null, false, seed);
    }

    public CandidateQuery mustHave(String skill) {
        return new CandidateQuery(skills, product, text, podMembers, excluded, skill, urgent, seed);
    }
}
