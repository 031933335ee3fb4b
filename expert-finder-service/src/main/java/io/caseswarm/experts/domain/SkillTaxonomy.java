package io.caseswarm.experts.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * How skills relate: synonyms, broader and related skills, as admins define them. A request phrased one way
 * still finds people whose skills are phrased another: {@link #sources} names every skill whose holders know
 * something of the asked one, with the share of credit it gives. Immutable: {@link #define} returns a new
 * taxonomy, so rankings running on the old one are never disturbed.
 */
public final class SkillTaxonomy {

    public static final SkillTaxonomy EMPTY = new SkillTaxonomy(Map.of());

    /**
     * A narrower skill's holders know a part of the broader one, and the deeper it sits the smaller that part:
     * each step down keeps four fifths (postgres for sql 0.8; a postgres extension two steps down 0.64).
     */
    static final double NARROWER_SHARE_PER_STEP = 0.8;
    /**
     * Holders of the broader skill know its parts only in general (someone who knows sql is half a postgres
     * expert); one step only, since a grandparent says too little of the specific skill.
     */
    static final double BROADER_SHARE = 0.5;

    private final Map<String, SkillDefinition> definitions;
    private final Map<String, String> skillOfSynonym = new HashMap<>();
    private final Map<String, List<String>> narrower = new HashMap<>();
    /** Related both ways, by canonical names: defining a relation once makes it count for both skills. */
    private final Map<String, Map<String, Double>> related = new HashMap<>();
    /** Sources are asked for per ranking; this taxonomy never changes, so each skill's are worked out once. */
    private final Map<String, Map<String, Double>> sourcesOf = new ConcurrentHashMap<>();

    private SkillTaxonomy(Map<String, SkillDefinition> definitions) {
        this.definitions = definitions;
        definitions.values().forEach(d -> d.synonyms().forEach(synonym -> skillOfSynonym.put(synonym, d.skill())));
        for (SkillDefinition d : definitions.values()) {
            if (d.broader() != null) {
                narrower.computeIfAbsent(canonical(d.broader()), broader -> new ArrayList<>()).add(d.skill());
            }
            d.related().forEach((name, weight) -> {
                String other = canonical(name);
                related.computeIfAbsent(d.skill(), skill -> new HashMap<>()).merge(other, weight, Math::max);
                related.computeIfAbsent(other, skill -> new HashMap<>()).merge(d.skill(), weight, Math::max);
            });
        }
    }

    /**
     * The taxonomy of definitions that were each accepted by {@link #define} before (as stored): they are not
     * checked again.
     */
    public static SkillTaxonomy of(Collection<SkillDefinition> accepted) {
        Map<String, SkillDefinition> bySkill = new TreeMap<>();
        accepted.forEach(d -> bySkill.put(d.skill(), d));
        return new SkillTaxonomy(bySkill);
    }

    /**
     * This taxonomy with {@code d} as its skill's whole definition (added, or replacing the one it had); this
     * taxonomy stays as it is.
     *
     * @throws TaxonomyConflict naming the place: a weight outside (0, 1), a skill related to itself, a synonym that
     *         is a defined skill or another skill's synonym, a skill that is another's synonym, or broader skills
     *         that come back round to the skill
     */
    public SkillTaxonomy define(SkillDefinition d) {
        d.related().forEach((name, weight) -> {
            if (weight == null || !(weight > 0 && weight < 1)) {
                throw new TaxonomyConflict("related " + name + ": weight " + weight + " is outside (0, 1)");
            }
        });
        if (skillOfSynonym.containsKey(d.skill()) && !skillOfSynonym.get(d.skill()).equals(d.skill())) {
            throw new TaxonomyConflict(d.skill() + " is a synonym of " + skillOfSynonym.get(d.skill())
                    + " already; define " + skillOfSynonym.get(d.skill()) + " instead");
        }
        for (String synonym : d.synonyms()) {
            if (synonym.equals(d.skill())) {
                throw new TaxonomyConflict("synonym " + synonym + " is the skill itself");
            }
            if (definitions.containsKey(synonym)) {
                throw new TaxonomyConflict("synonym " + synonym + " is a defined skill already");
            }
            String owner = skillOfSynonym.get(synonym);
            if (owner != null && !owner.equals(d.skill())) {
                throw new TaxonomyConflict("synonym " + synonym + " is a synonym of " + owner + " already");
            }
        }
        Map<String, SkillDefinition> next = new TreeMap<>(definitions);
        next.put(d.skill(), d);
        SkillTaxonomy defined = new SkillTaxonomy(next);
        for (String name : d.related().keySet()) {
            if (defined.canonical(name).equals(d.skill())) {
                throw new TaxonomyConflict("related " + name + ": " + d.skill() + " cannot be related to itself");
            }
        }
        defined.requireNoCycleThrough(d.skill());
        return defined;
    }

    /**
     * Defining one skill can only close a cycle through that skill: its broader edge is the one edge added, and
     * the names that became its synonyms now lead to it.
     */
    private void requireNoCycleThrough(String skill) {
        List<String> chain = new ArrayList<>(List.of(skill));
        Set<String> seen = new HashSet<>(chain);
        String current = skill;
        while (definitions.containsKey(current) && definitions.get(current).broader() != null) {
            String written = definitions.get(current).broader();
            current = canonical(written);
            chain.add(written.equals(current) ? current : written + " (" + current + ")");
            if (current.equals(skill)) {
                throw new TaxonomyConflict("broader skills form a cycle: " + String.join(" → ", chain));
            }
            if (!seen.add(current)) {
                return; // a loop elsewhere, which define never lets in; not this skill's to report
            }
        }
    }

    /** The skill {@code name} is a synonym of; else the name itself (lower-case, as skills are compared). */
    public String canonical(String name) {
        String normal = SkillDefinition.name(name);
        return skillOfSynonym.getOrDefault(normal, normal);
    }

    /** Every definition, by skill name. */
    public Collection<SkillDefinition> definitions() {
        return definitions.values();
    }

    public Optional<SkillDefinition> definition(String skill) {
        return Optional.ofNullable(definitions.get(SkillDefinition.name(skill)));
    }

    /**
     * The skills that count for {@code skill}, with the share of credit each gives (0–1]: the skill itself and
     * its synonyms at 1 (also when {@code skill} is a synonym), each narrower skill at
     * {@value #NARROWER_SHARE_PER_STEP} per step down, its broader skill at {@value #BROADER_SHARE}, related skills
     * (either way) at their weight, and the synonyms of each at the same share. A name reached twice counts at its
     * highest share. The asked skill is always among them; a skill the taxonomy does not know has only itself.
     */
    public Map<String, Double> sources(String skill) {
        String asked = SkillDefinition.name(skill);
        String canonical = canonical(asked);
        if (!definitions.containsKey(canonical) && !narrower.containsKey(canonical)
                && !related.containsKey(canonical)) {
            return Map.of(asked, 1.0);
        }
        return sourcesOf.computeIfAbsent(canonical, this::workOutSources);
    }

    private Map<String, Double> workOutSources(String skill) {
        Map<String, Double> shares = new HashMap<>();
        credit(shares, skill, 1.0);
        Deque<Map.Entry<String, Double>> below = new ArrayDeque<>();
        below.add(Map.entry(skill, 1.0));
        Set<String> visited = new LinkedHashSet<>(List.of(skill));
        while (!below.isEmpty()) {
            Map.Entry<String, Double> parent = below.poll();
            for (String child : narrower.getOrDefault(parent.getKey(), List.of())) {
                if (visited.add(child)) {
                    double share = parent.getValue() * NARROWER_SHARE_PER_STEP;
                    credit(shares, child, share);
                    below.add(Map.entry(child, share));
                }
            }
        }
        SkillDefinition definition = definitions.get(skill);
        if (definition != null && definition.broader() != null) {
            credit(shares, canonical(definition.broader()), BROADER_SHARE);
        }
        related.getOrDefault(skill, Map.of()).forEach((other, weight) -> credit(shares, other, weight));
        return Map.copyOf(shares);
    }

    /** {@code skill} and its synonyms give {@code share}, unless they give more already. */
    private void credit(Map<String, Double> shares, String skill, double share) {
        shares.merge(skill, share, Math::max);
        SkillDefinition definition = definitions.get(skill);
        if (definition != null) {
            definition.synonyms().forEach(synonym -> shares.merge(synonym, share, Math::max));
        }
    }

    @Override
    public String toString() {
        return definitions.values().stream().map(SkillDefinition::toString).collect(Collectors.joining(", ",
                "SkillTaxonomy[", "]"));
    }
}
