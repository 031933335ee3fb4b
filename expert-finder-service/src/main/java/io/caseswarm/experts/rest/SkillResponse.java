package io.caseswarm.experts.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.caseswarm.experts.projection.SkillDefinitionView;

/** A skill's definition in the taxonomy, with who set it last and when. */
public record SkillResponse(String skill, List<String> synonyms, String broader, Map<String, Double> related,
        String definedBy, Instant definedAt) {

    static SkillResponse of(SkillDefinitionView view) {
        return new SkillResponse(view.skill, view.synonyms, view.broader, view.definition().related(), view.definedBy,
                view.definedAt);
    }
}
