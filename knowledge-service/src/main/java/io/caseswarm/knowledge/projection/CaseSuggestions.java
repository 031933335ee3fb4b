package io.caseswarm.knowledge.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.knowledge.domain.Suggestion;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "case_suggestions")
public class CaseSuggestions extends PanacheEntityBase {

    @Id
    public UUID caseId;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Suggestion> suggestions;
    public Instant suggestedAt;
}
