package io.caseswarm.experts.eval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Credits people from the dataset's own events, the same for every finder judged: the skills they declare, the
 * skills of swarms where the resolution named them as helping, and the tags of articles they wrote; a skill
 * asked by a synonym of the taxonomy ({@code skill-defined}) is the skill. It reads leniently: judging coverage
 * is not where a malformed event should be reported (the finders report it).
 */
public final class EvidenceCoverage implements TeamCoverage {

    private final Map<String, Set<String>> credited = new HashMap<>();
    private final Map<String, String> canonical = new HashMap<>();

    public void apply(JsonNode cloudEvent) {
        JsonNode data = cloudEvent.path("data");
        switch (cloudEvent.path("type").asText()) {
            case "expert-registered", "expert-updated" -> {
                Set<String> declared = new HashSet<>();
                data.path("skills").forEach(skill -> declared.add(normal(skill.path("name").asText())));
                credited.put(data.path("personId").asText(), declared);
            }
            case "swarm-member-credited" -> {
                if (data.path("helped").asBoolean(false)) {
                    credit(data.path("personId").asText(), data.path("skills"));
                }
            }
            case "article-published" -> {
                if (data.path("authorId").isTextual()) {
                    credit(data.path("authorId").asText(), data.path("tags"));
                }
            }
            case "skill-defined" -> {
                String skill = normal(data.path("skill").asText());
                data.path("synonyms").forEach(synonym -> canonical.put(normal(synonym.asText()), skill));
            }
            default -> {
                // Nothing else says who knows what.
            }
        }
    }

    private void credit(String personId, JsonNode skills) {
        Set<String> theirs = credited.computeIfAbsent(personId, id -> new HashSet<>());
        skills.forEach(skill -> theirs.add(normal(skill.asText())));
    }

    @Override
    public Set<String> covered(FinderQuery query, List<String> team) {
        Set<String> teamSkills = team.stream()
                .flatMap(person -> credited.getOrDefault(person, Set.of()).stream())
                .map(this::canonical)
                .collect(Collectors.toSet());
        return query.skills().stream()
                .filter(asked -> teamSkills.contains(canonical(normal(asked))))
                .collect(Collectors.toSet());
    }

    private String canonical(String skill) {
        return canonical.getOrDefault(skill, skill);
    }

    private static String normal(String skill) {
        return skill.strip().toLowerCase(Locale.ROOT);
    }
}
