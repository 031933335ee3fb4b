package io.caseswarm.experts.projection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.experts.domain.SkillDefinition;
import io.caseswarm.experts.domain.SkillTaxonomy;
import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A skill in the taxonomy as its latest skill-defined event says. */
@Entity
@Table(name = "skill_definition")
public class SkillDefinitionView extends PanacheEntityBase {

    @Id
    public String skill;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> synonyms;
    public String broader;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Double> related;
    public String definedBy;
    public Instant definedAt;
    public long revision;

    public static List<SkillDefinitionView> all() {
        return listAll(Sort.ascending("skill"));
    }

    /** The taxonomy as the table holds it now (inside a transaction, as this one sees it). */
    public static SkillTaxonomy taxonomy() {
        return SkillTaxonomy.of(all().stream().map(SkillDefinitionView::definition).toList());
    }

    public SkillDefinition definition() {
        return new SkillDefinition(skill, synonyms, broader, related);
    }

    void set(SkillDefinition definition, String by, Instant at) {
        synonyms = definition.synonyms();
        broader = definition.broader();
        related = definition.related();
        definedBy = by;
        definedAt = at;
        revision++;
    }
}
