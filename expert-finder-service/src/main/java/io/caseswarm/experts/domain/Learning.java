package io.caseswarm.experts.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.caseswarm.experts.domain.Evidence.Kind;

/**
 * What the finder learns from what happened, as evidence with a weight in fresh "helped" credits. Solving counts
 * most; being in a swarm without being named as a helper counts less, more so when the person wrote in its feed;
 * an article counts as half a solved case, its use on a case a quarter more. The same rules serve the service's
 * consumers and offline evaluation.
 */
public final class Learning {

    static final double HELPED = 1.0;
    static final double WROTE_IN_FEED = 0.5;
    static final double WAS_IN_SWARM = 0.25;
    static final double RESOLVED = 1.0;
    static final double AUTHORED = 0.5;
    static final double ARTICLE_USED = 0.25;
    static final double INVITED = 1.0;
    static final double DECLINED = 1.0;

    private Learning() {
    }

    /** The swarm's case was resolved and the person was in the swarm. */
    public static Evidence credited(UUID swarmId, String personId, List<String> skills, String product, int posts,
            boolean helped, String caseNumber, Instant at) {
        double weight = helped ? HELPED : posts > 0 ? WROTE_IN_FEED : WAS_IN_SWARM;
        return new Evidence(personId, helped ? Kind.HELPED : Kind.CREDITED, skills, product, swarmId.toString(),
                caseNumber, at, weight);
    }

    /**
     * The owner resolved the case: evidence on the skills of the swarms it had (none: on its product alone). A case
     * without an owner teaches nothing of anyone.
     */
    public static Optional<Evidence> resolved(UUID caseId, String ownerId, List<String> swarmSkills, String product,
            String caseNumber, Instant at) {
        return Optional.ofNullable(ownerId).map(owner -> new Evidence(owner, Kind.RESOLVED, swarmSkills, product,
                caseId.toString(), caseNumber, at, RESOLVED));
    }

    /**
     * The resolved case as a similar case for later requests: its words, and who solved it (the owner first, then
     * those the resolution names). None when it has no words or nobody solved it.
     */
    public static Optional<SolvedCase> solvedCase(UUID caseId, String number, String product, String text,
            String ownerId, List<String> helpedBy) {
        Set<String> solvers = new LinkedHashSet<>();
        if (ownerId != null) {
            solvers.add(ownerId);
        }
        solvers.addAll(helpedBy);
        if (solvers.isEmpty() || text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SolvedCase(caseId.toString(), number, product, text, solvers));
    }

    /**
     * An article the person wrote was published: evidence on its tags, read as skills. Articles without an author
     * (published before authors were recorded) or without tags teach nothing.
     */
    public static Optional<Evidence> authored(UUID articleId, String authorId, String title, List<String> tags,
            String product, Instant at) {
        if (authorId == null || tags == null || tags.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Evidence(authorId, Kind.AUTHORED, skills(tags), product, articleId.toString(), title,
                at, AUTHORED));
    }

    /**
     * Someone said an article the person wrote helped on a case: evidence on its tags, once per article and case
     * (a second mark on the same case, or the same one redelivered, is the same source). An author vouching for
     * their own article teaches nothing; nor does an article without an author or without tags.
     */
    public static Optional<Evidence> articleUsed(UUID articleId, UUID caseId, String usedBy, String authorId,
            String title, List<String> tags, String product, Instant at) {
        List<String> skills = tags == null ? List.of() : skills(tags);
        if (authorId == null || authorId.equals(usedBy) || skills.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Evidence(authorId, Kind.ARTICLE_USED, skills, product, articleId + "@" + caseId, title,
                at, ARTICLE_USED));
    }

    /** The person was invited to a swarm: they weigh it for a while. */
    public static Evidence invited(UUID swarmId, String personId, String caseNumber, Instant at) {
        return new Evidence(personId, Kind.INVITED, List.of(), null, swarmId.toString(), caseNumber, at, INVITED);
    }

    /** The person declined, or let the invitation lapse. */
    public static Evidence declined(UUID swarmId, String personId, String caseNumber, Instant at) {
        return new Evidence(personId, Kind.DECLINED, List.of(), null, swarmId.toString(), caseNumber, at, DECLINED);
    }

    private static List<String> skills(List<String> tags) {
        List<String> skills = new ArrayList<>();
        for (String tag : tags) {
            String skill = tag.strip().toLowerCase(java.util.Locale.ROOT);
            if (!skill.isEmpty() && !skills.contains(skill)) {
                skills.add(skill);
            }
        }
        return skills;
    }
}
