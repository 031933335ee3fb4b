package io.caseswarm.experts.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.caseswarm.experts.domain.SkillDefinition;
import io.caseswarm.platform.rest.InvalidFieldException;

/**
 * A skill's whole definition on {@code PUT /skills/{name}}; the path names the skill. All parts are optional: a
 * missing one is none. Names are skill names, compared lower-case; {@code related} weights are the share of
 * credit, strictly between 0 and 1 (1 would be a synonym, 0 no relation).
 */
public record SkillRequest(
        @Size(max = 50) List<@NotNull @SkillName String> synonyms,
        @SkillName String broader,
        @Size(max = 50) Map<@NotNull @SkillName String,
                @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
                @DecimalMax(value = "1", inclusive = false, message = "must be less than 1") Double> related) {

    SkillDefinition definition(String skill) {
        String name = skill.strip().toLowerCase(Locale.ROOT);
        List<String> synonymNames = synonyms == null ? List.of()
                : synonyms.stream().map(synonym -> synonym.strip().toLowerCase(Locale.ROOT)).toList();
        Set<String> seen = new HashSet<>();
        List<String> twice = synonymNames.stream().filter(synonym -> !seen.add(synonym)).distinct().toList();
        if (!twice.isEmpty()) {
            throw new InvalidFieldException("synonyms", "must name each synonym once, not twice: "
                    + String.join(", ", twice));
        }
        if (related != null) {
            Set<String> relatedSeen = new HashSet<>();
            for (String other : related.keySet()) {
                if (!relatedSeen.add(other.strip().toLowerCase(Locale.ROOT))) {
                    throw new InvalidFieldException("related", "names " + other + " twice (names ignore case)");
                }
            }
        }
        return new SkillDefinition(name, synonymNames, broader, related);
    }
}
