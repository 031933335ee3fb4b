package io.caseswarm.cases.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The knowledge articles suggested for a case; each {@code knowledge-suggested} replaces the list. */
@Entity
@Table(name = "case_suggestions")
public class CaseSuggestions extends PanacheEntityBase {

    @Id
    public UUID caseId;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Suggestion> suggestions;
    public Instant suggestedAt;

    /** {@code visibility} is the article's: {@code public} or {@code internal} (missing means internal). */
    public record Suggestion(String articleId, String title, double score, String visibility) {

        @JsonIgnore
        public boolean isPublic() {
            return "public".equals(visibility);
        }
    }
}
