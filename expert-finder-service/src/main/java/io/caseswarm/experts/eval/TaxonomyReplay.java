package io.caseswarm.experts.eval;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.experts.domain.SkillTaxonomy;

/** The taxonomy as {@code skill-defined} events build it, replayed. */
final class TaxonomyReplay {

    private SkillTaxonomy taxonomy = SkillTaxonomy.EMPTY;

    SkillTaxonomy define(JsonNode data) {
        // Filled in once skill definitions exist: until then, the taxonomy stays empty.
        return taxonomy;
    }
}
