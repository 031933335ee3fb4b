package io.caseswarm.experts.eval;

import io.caseswarm.experts.domain.ExpertEvent.SkillDefined;
import io.caseswarm.experts.domain.SkillTaxonomy;

/**
 * The taxonomy as {@code skill-defined} events build it, replayed with the service's own rules: a definition the
 * service would have refused (a cycle, a clashing synonym) is a malformed event.
 */
final class TaxonomyReplay {

    private SkillTaxonomy taxonomy = SkillTaxonomy.EMPTY;

    SkillTaxonomy define(SkillDefined defined) {
        taxonomy = taxonomy.define(defined.definition());
        return taxonomy;
    }
}
