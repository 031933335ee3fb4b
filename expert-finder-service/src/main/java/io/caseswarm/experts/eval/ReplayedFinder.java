package io.caseswarm.experts.eval;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.caseswarm.experts.domain.Candidate;
import io.caseswarm.experts.domain.CandidateQuery;
import io.caseswarm.experts.domain.ExpertEvent.ExpertInvited;
import io.caseswarm.experts.domain.ExpertEvent.ExpertRegistered;
import io.caseswarm.experts.domain.ExpertEvent.ExpertUpdated;
import io.caseswarm.experts.domain.ExpertEvent.SkillDefined;
import io.caseswarm.experts.domain.FinderWeights;
import io.caseswarm.experts.domain.Learning;
import io.caseswarm.experts.domain.Staffing;
import io.caseswarm.experts.domain.SwarmRequest;
import io.caseswarm.experts.index.ExpertIndex;
import io.caseswarm.experts.messaging.CaseEventsConsumer.CaseResolved;
import io.caseswarm.experts.messaging.KnowledgeEventsConsumer.ArticlePublished;
import io.caseswarm.experts.messaging.KnowledgeEventsConsumer.ArticleUsed;
import io.caseswarm.experts.messaging.SwarmEventsConsumer.Credited;
import io.caseswarm.experts.messaging.SwarmEventsConsumer.MemberAnswer;
import io.caseswarm.experts.messaging.SwarmEventsConsumer.SwarmRequested;

/**
 * The expert finder's ranking, fed offline: events as they appear on the topics build its state with the rules
 * the service's consumers use ({@link Learning}, the same event shapes), into the same {@link ExpertIndex}, and
 * queries are ranked and staffed by the service's own code ({@link ExpertIndex#staffingCandidates},
 * {@link Staffing#invite}). Time is the events' time: a query is asked at the latest event's.
 */
public final class ReplayedFinder {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final ExpertIndex index;
    private final Map<UUID, List<String>> swarmSkillsOfCase = new HashMap<>();
    private final Map<UUID, String> caseNumberOfSwarm = new HashMap<>();
    private final Map<String, Map<String, List<String>>> lastTeams = new HashMap<>();
    private final TaxonomyReplay taxonomy = new TaxonomyReplay();
    private Instant now = Instant.EPOCH;

    /**
     * Faded sums are kept relative to a fixed instant rather than the wall clock, so a replay gives the same
     * figures to the last bit whenever it runs.
     */
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private ReplayedFinder(FinderWeights weights) {
        this.index = new ExpertIndex(weights, EPOCH);
    }

    /** The finder with other weights than the service's defaults: to try weights offline before configuring them. */
    public static ReplayedFinder with(FinderWeights weights) {
        return new ReplayedFinder(weights);
    }

    /** The finder as the service runs it: declared and learned skills, taxonomy, similar cases, fatigue. */
    public static ReplayedFinder full() {
        return new ReplayedFinder(FinderWeights.DEFAULTS);
    }

    /** The baseline: declared skills matched exactly, nothing learned, no taxonomy, no similar cases, no fatigue. */
    public static ReplayedFinder baseline() {
        return new ReplayedFinder(FinderWeights.BASELINE);
    }

    /**
     * Applies one event as it appears on the topics (CloudEvents structured mode). Types the finder does not
     * learn from are ignored; a type it learns from whose data is malformed is an {@link IllegalArgumentException}.
     */
    public void apply(JsonNode cloudEvent) {
        String type = cloudEvent.path("type").asText("");
        JsonNode data = cloudEvent.path("data");
        try {
            Instant at = Instant.parse(cloudEvent.path("time").asText());
            if (at.isAfter(now)) {
                now = at;
            }
            switch (type) {
                case "expert-registered" -> {
                    ExpertRegistered registered = read(data, ExpertRegistered.class);
                    required(data, "personId");
                    index.put(registered.personId(), registered.profile());
                }
                case "expert-updated" -> {
                    ExpertUpdated updated = read(data, ExpertUpdated.class);
                    required(data, "personId");
                    index.put(updated.personId(), updated.profile());
                }
                case "swarm-requested" -> {
                    SwarmRequested requested = read(data, SwarmRequested.class);
                    swarmSkillsOfCase.merge(requested.caseId(), requested.skills(), ReplayedFinder::union);
                    caseNumberOfSwarm.put(requested.swarmId(), requested.caseNumber());
                }
                case "swarm-member-credited" -> {
                    Credited credited = read(data, Credited.class);
                    index.learn(Learning.credited(credited.swarmId(), credited.personId(), credited.skills(),
                            credited.product(), credited.posts(), credited.helped(),
                            caseNumberOfSwarm.get(credited.swarmId()), credited.creditedAt()));
                    UUID caseId = UUID.fromString(required(data, "caseId"));
                    swarmSkillsOfCase.merge(caseId, credited.skills(), ReplayedFinder::union);
                }
                case "case-resolved" -> {
                    CaseResolved resolved = read(data, CaseResolved.class);
                    Learning.resolved(resolved.caseId(), resolved.ownerId(),
                            swarmSkillsOfCase.getOrDefault(resolved.caseId(), List.of()), resolved.product(),
                            resolved.number(), resolved.resolvedAt()).ifPresent(index::learn);
                    Learning.solvedCase(resolved.caseId(), resolved.number(), resolved.product(), resolved.text(),
                            resolved.ownerId(), resolved.helpedBy()).ifPresent(index::solved);
                }
                case "article-published" -> {
                    ArticlePublished published = read(data, ArticlePublished.class);
                    Learning.authored(published.articleId(), published.authorId(), published.title(),
                            published.tags(), published.product(), published.publishedAt()).ifPresent(index::learn);
                }
                case "article-used" -> {
                    ArticleUsed used = read(data, ArticleUsed.class);
                    // Both ids make the evidence's source: without them every use would look like another.
                    required(data, "articleId");
                    required(data, "caseId");
                    Learning.articleUsed(used.articleId(), used.caseId(), used.usedBy(), used.authorId(), used.title(),
                            used.tags(), used.product(), used.usedAt()).ifPresent(index::learn);
                }
                case "expert-invited" -> {
                    ExpertInvited invited = read(data, ExpertInvited.class);
                    index.learn(Learning.invited(invited.swarmId(), invited.personId(), invited.caseNumber(),
                            invited.invitedAt()));
                }
                case "swarm-member-declined" -> {
                    MemberAnswer declined = read(data, MemberAnswer.class);
                    index.learn(Learning.declined(declined.swarmId(), declined.personId(),
                            caseNumberOfSwarm.get(declined.swarmId()), at));
                }
                case "skill-defined" -> index.taxonomy(taxonomy.define(read(data, SkillDefined.class)));
                default -> {
                    // Not something the finder learns from.
                }
            }
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("malformed " + type + " event: " + e.getMessage(), e);
        }
    }

    /** The best {@code k} people for the query, best first, as of the latest event applied. */
    public List<String> rank(FinderQuery query, int k) {
        return index.top(query(query, Set.of()), k, now).stream().map(Candidate::personId).toList();
    }

    /** The team staffing would invite for the query ({@code teamSize} people); they count as invited (fatigue). */
    public List<String> team(FinderQuery query) {
        UUID swarmId = UUID.nameUUIDFromBytes(query.id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SwarmRequest request = new SwarmRequest(swarmId, swarmId, null, query.skills(), query.teamSize(), query.id(),
                query.text(), null, null, null, query.product(), null);
        List<Candidate> ranked = index.staffingCandidates(query(query, Set.of()), Staffing.pool(query.teamSize()), now);
        List<ExpertInvited> invited = Staffing.invite(request, Set.of(), ranked, query.teamSize(), now);
        Map<String, List<String>> team = new java.util.LinkedHashMap<>();
        for (ExpertInvited invitation : invited) {
            team.put(invitation.personId(), invitation.matchedSkills());
            index.learn(Learning.invited(swarmId, invitation.personId(), query.id(), now));
        }
        lastTeams.put(query.id(), team);
        return List.copyOf(team.keySet());
    }

    /**
     * The query's skills that some member of its team (as {@link #team} chose it) is credited with: declared,
     * learned, or through a skill that counts for it.
     */
    public Set<String> covered(FinderQuery query, List<String> team) {
        Map<String, List<String>> chosen = lastTeams.getOrDefault(query.id(), Map.of());
        Set<String> covered = new LinkedHashSet<>();
        team.forEach(person -> covered.addAll(chosen.getOrDefault(person, List.of())));
        covered.retainAll(new HashSet<>(query.skills()));
        return covered;
    }

    private CandidateQuery query(FinderQuery query, Set<String> excluded) {
        return new CandidateQuery(query.skills(), query.product(), query.text(), Set.of(), excluded, null, false,
                query.id());
    }

    private static <T> T read(JsonNode data, Class<T> type) {
        if (!data.isObject()) {
            throw new IllegalArgumentException("data is not an object");
        }
        try {
            return JSON.treeToValue(data, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    private static String required(JsonNode data, String field) {
        if (!data.hasNonNull(field)) {
            throw new IllegalArgumentException("data." + field + " is missing");
        }
        return data.get(field).asText();
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
