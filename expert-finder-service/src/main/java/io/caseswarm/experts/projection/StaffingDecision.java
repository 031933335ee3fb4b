package io.caseswarm.experts.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.experts.domain.Candidate;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One staffing decision as it was taken: why ({@code reason}: the request, a decline, a lapse, more wanted), the
 * ranked candidates with the parts of their scores and their evidence, and whom it invited.
 *
 * <p>Written once and never changed, and so immutable to Hibernate. A mutable one was compared with its JSON
 * snapshot at every flush of the transaction that took it, and never matched (a candidate's {@code turn} is not
 * stored): each decision was written once and updated three times, each time serialising its twenty candidates.
 */
@Entity
@Immutable
@Table(name = "staffing_decision")
public class StaffingDecision extends PanacheEntityBase {

    /** How many of the ranked candidates a decision keeps: enough to see who came next. */
    public static final int KEPT = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID swarmId;
    public Instant decidedAt;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Candidate> ranked;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> invited;

    public static List<StaffingDecision> of(UUID swarmId) {
        return list("swarmId = ?1 order by id", swarmId);
    }
}
