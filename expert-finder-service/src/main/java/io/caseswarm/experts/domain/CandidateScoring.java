package io.caseswarm.experts.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ranks people for a set of needed skills. Skill match weighs most: an available generalist must not
 * outrank the expert who knows the answer. People who are offline, at full capacity or who have none
 * of the skills are not candidates at all. Members of the swarm's pod are preferred by
 * {@link #POD_BONUS}, not chosen blindly: a clearly better expert of another pod still comes first.
 */
public final class CandidateScoring {

    public static final double SKILL_WEIGHT = 0.6;
    public static final double AVAILABILITY_WEIGHT = 0.25;
    public static final double CAPACITY_WEIGHT = 0.15;
    /** Outside their working hours people still answer, but later: their availability halves. */
    public static final double OFF_HOURS_FACTOR = 0.5;
    /**
     * A member of the swarm's pod closes this share of the gap between their score and a perfect 1: a
     * member scoring 0.6 scores 0.68. Scores stay within 0–1, and the bonus shrinks as the score grows, so
     * a pod member outranks an outsider who is a little better, never one who is much better.
     */
    public static final double POD_BONUS = 0.2;

    private CandidateScoring() {
    }

    public static List<Candidate> rank(Collection<ExpertSnapshot> experts, List<String> skills, Instant now) {
        return rank(experts, skills, Set.of(), now);
    }

    /** Ranks as {@link #rank(Collection, List, Instant)}, preferring the swarm's pod's {@code podMembers}. */
    public static List<Candidate> rank(Collection<ExpertSnapshot> experts, List<String> skills,
            Set<String> podMembers, Instant now) {
        return experts.stream()
                .map(expert -> score(expert, skills, podMembers.contains(expert.personId()), now))
                .filter(Objects::nonNull)
                .sorted(ORDER)
                .toList();
    }

    /** Best first: the higher (rounded) score, then, on a tie, the alphabetically first id. */
    public static final Comparator<Candidate> ORDER =
            Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::personId);

    /**
     * A score from its parts: the share of the needed skills matched, availability and room (each 0–1), raised
     * for a member of the swarm's pod. An index uses it to bound scores (e.g. with the presence's weight for the
     * availability, as if within working hours) and skip people who cannot reach the best it has found.
     */
    public static double combine(double skillMatch, double availability, double room, boolean inPod) {
        double score = SKILL_WEIGHT * skillMatch + AVAILABILITY_WEIGHT * availability + CAPACITY_WEIGHT * room;
        return inPod ? score + POD_BONUS * (1 - score) : score;
    }

    /** How available the person is at {@code localTime} on their own clock: outside working hours, less. */
    public static double availability(Profile profile, LocalTime localTime) {
        return profile.presence().weight() * (profile.workingHours().contain(localTime) ? 1.0 : OFF_HOURS_FACTOR);
    }

    /** The share of their capacity still free. */
    public static double room(int capacity, int load) {
        return (capacity - load) / (double) capacity;
    }

    /** The score rounded as candidates carry it, so that bounds compare with what ranking compares. */
    public static double rounded(double score) {
        return round(score);
    }

    /** One person's candidacy for {@code skills}; null when they are no candidate (offline, full, no skill). */
    public static Candidate score(ExpertSnapshot expert, List<String> skills, boolean inPod, Instant now) {
        Profile profile = expert.profile();
        if (profile.presence() == Presence.OFFLINE || expert.load() >= profile.capacity()) {
            return null;
        }
        // The API refuses a skill named twice; a profile stored before that rule keeps its higher level
        // instead of failing every ranking it takes part in.
        Map<String, Integer> levels = profile.skills().stream()
                .collect(Collectors.toMap(Skill::name, Skill::level, Math::max));
        List<String> matched = skills.stream().filter(levels::containsKey).toList();
        if (matched.isEmpty()) {
            return null;
        }
        double skillMatch = matched.stream().mapToDouble(skill -> levels.get(skill) / 5.0).sum() / skills.size();
        double availability = availability(profile, now.atZone(ZoneId.of(profile.timeZone())).toLocalTime());
        double capacity = room(profile.capacity(), expert.load());
        double score = combine(skillMatch, availability, capacity, inPod);
        return new Candidate(expert.personId(), profile.name(), profile.email(), profile.chatHandle(), matched,
                round(skillMatch), round(availability), round(capacity), inPod, round(score));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
