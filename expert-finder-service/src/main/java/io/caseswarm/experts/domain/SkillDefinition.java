package io.caseswarm.experts.domain;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an admin defines one skill in the {@link SkillTaxonomy}: other names for it ({@code synonyms}), the wider
 * skill it is part of ({@code broader}, or null) and skills whose holders know something of it ({@code related},
 * each with the share of credit it gives, in (0, 1)). Names are compared as {@link Skill} compares them: stripped
 * and lower-case.
 */
public record SkillDefinition(String skill, List<String> synonyms, String broader, Map<String, Double> related) {

    public SkillDefinition {
        skill = name(skill);
        synonyms = synonyms == null ? List.of() : synonyms.stream().map(SkillDefinition::name).distinct().toList();
        broader = broader == null || broader.isBlank() ? null : name(broader);
        Map<String, Double> sorted = new TreeMap<>();
        if (related != null) {
            related.forEach((name, weight) -> sorted.put(name(name), weight));
        }
        related = Collections.unmodifiableMap(sorted);
    }

    /** A skill that is only named: no synonyms, nothing broader, nothing related. */
    public static SkillDefinition of(String skill) {
        return new SkillDefinition(skill, List.of(), null, Map.of());
    }

    static String name(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
