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
 * The one definition of a candidate's score. Knowledge weighs most: an available generalist must not outrank
 * the expert who knows the answer. Knowledge is what the person declared and what they showed (evidence learned
 * from swarms, cases and articles, fading with time), for the asked skills or skills that count for them, raised
 * when they solved a case like this one or know its product. People who are offline, at full capacity, on a day
 * off or who know nothing of the request are not candidates at all. Members of the swarm's pod are preferred by
 * {@link #POD_BONUS}, not chosen blindly; recent invitations weigh on a person, so the same few are not asked
 * every time.
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

    /**
     * Ranks a plain list of people by their declared skills alone (no evidence, taxonomy or fatigue), ties
     * alphabetically: the finder before it learned anything, and what the index is checked against.
     */
    public static List<Candidate> rank(Collection<ExpertSnapshot> experts, List<String> skills, Instant now) {
        return rank(experts, skills, Set.of(), now);
    }

    /** Ranks as {@link #rank(Collection, List, Instant)}, preferring the swarm's pod's {@code podMembers}. */
    public static List<Candidate> rank(Collection<ExpertSnapshot> experts, List<String> skills,
            Set<String> podMembers, Instant now) {
        return experts.stream()
                .map(expert -> declaredOnly(expert, skills, podMembers.contains(expert.personId()), now))
                .filter(Objects::nonNull)
                .sorted(ORDER)
                .toList();
    }

    /** Best first: the higher (rounded) score, then, on a tie, the lower turn, then the alphabetically first id. */
    public static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparingInt(Candidate::turn).thenComparing(Candidate::personId);

    /**
     * How well a person knows one skill (0–1): the level they declared (of 5), and the evidence of it (in fresh
     * "helped" credits, already faded), which adds to it as an independent sign: evidence alone makes someone
     * half an expert at {@link FinderWeights#evidenceSaturation()}, and never a full one.
     */
    public static double expertise(int declaredLevel, double evidence, FinderWeights weights) {
        double declared = declaredLevel / 5.0;
        if (evidence <= 0) {
            return declared;
        }
        double learned = evidence / (evidence + weights.evidenceSaturation());
        return 1 - (1 - declared) * (1 - learned);
    }

    /** Experience with the case's product (0–1), from the faded evidence of it. */
    public static double productFit(double evidence, FinderWeights weights) {
        return evidence <= 0 ? 0 : evidence / (evidence + weights.evidenceSaturation());
    }

    /**
     * Knowledge of the request (0–1): the skill match, raised by having solved a case like it ({@code similarCase},
     * 0–1) and by experience with its product; each sign closes part of the gap the others leave.
     */
    public static double knowledge(double skillMatch, double similarCase, double productFit, FinderWeights weights) {
        double gap = (1 - weights.similarCaseWeight() * similarCase) * (1 - weights.productWeight() * productFit);
        // Without either sign the skill match as it is: 1 − (1 − x) is not always x in floating point.
        return gap == 1 ? skillMatch : 1 - (1 - skillMatch) * gap;
    }

    /**
     * How much recent invitations and declines (faded) weigh on a person (0–1); none when fatigue is turned off
     * (the baseline), so that near-equals do not take turns there either.
     */
    public static double fatigue(double recent, FinderWeights weights) {
        return recent <= 0 || weights.fatigueWeight() == 0 ? 0 : recent / (recent + weights.fatigueSaturation());
    }

    /** A score from its parts, for a member of the swarm's pod or not, lowered by fatigue. */
    public static double score(double knowledge, double availability, double room, boolean inPod, double fatigue,
            FinderWeights weights) {
        double score = SKILL_WEIGHT * knowledge + AVAILABILITY_WEIGHT * availability + CAPACITY_WEIGHT * room;
        if (inPod) {
            score += POD_BONUS * (1 - score);
        }
        return score * (1 - weights.fatigueWeight() * fatigue);
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
        return Math.round(score * 1000) / 1000.0;
    }

    /**
     * Whom a tie goes to: a number from the person and the request ({@code seed}, e.g. the swarm), spread so that
     * each request orders equals differently.
     */
    public static int turn(String seed, String personId) {
        long h = (seed + '\u0000' + personId).hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    /** One person's candidacy on declared skills alone; null when they are no candidate (offline, full, no skill). */
    private static Candidate declaredOnly(ExpertSnapshot expert, List<String> skills, boolean inPod, Instant now) {
        Profile profile = expert.profile();
        if (profile.presence() == Presence.OFFLINE || expert.load() >= profile.capacity()) {
            return null;
        }
        // The API refuses a skill named twice; a profile stored before that rule keeps its higher level
        // instead of failing every ranking it takes part in.
        Map<String, Integer> levels = profile.skills().stream()
                .collect(Collectors.toMap(Skill::name, Skill::level, Math::max));
        List<String> matched = skills.stream().filter(levels::containsKey).distinct().toList();
        if (matched.isEmpty()) {
            return null;
        }
        FinderWeights weights = FinderWeights.BASELINE;
        double skillMatch = skills.stream().filter(levels::containsKey)
                .mapToDouble(skill -> expertise(levels.get(skill), 0, weights)).sum() / skills.size();
        double availability = availability(profile, now.atZone(ZoneId.of(profile.timeZone())).toLocalTime());
        double room = room(profile.capacity(), expert.load());
        double score = score(skillMatch, availability, room, inPod, 0, weights);
        return new Candidate(expert.personId(), profile.name(), profile.email(), profile.chatHandle(), matched,
                rounded(skillMatch), rounded(availability), rounded(room), inPod, rounded(score), 0, 0, 0, List.of(),
                0);
    }
}
