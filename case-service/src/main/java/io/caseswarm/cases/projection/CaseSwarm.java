package io.caseswarm.cases.projection;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A swarm working on a case, as the swarm service reports it: shown with the case, owned by swarm-service. */
@Entity
@Table(name = "case_swarm")
public class CaseSwarm extends PanacheEntityBase {

    @Id
    public UUID swarmId;
    public UUID caseId;
    public String status;
    public String question;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> memberIds;
    /** Everybody ever in the swarm, those who left included: who may be named as having helped. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> everMemberIds;
    public Instant updatedAt;

    /** {@code requested, active}: open; {@code closed} (its case was resolved) and {@code cancelled}: over. */
    public boolean isOpen() {
        return !"closed".equals(status) && !"cancelled".equals(status);
    }

    public static List<CaseSwarm> ofCase(UUID caseId) {
        return list("caseId", caseId);
    }

    /** Everybody who was ever a member of a swarm on the case, as far as swarm-service's events have told. */
    public static Set<String> everMembersOfCase(UUID caseId) {
        Set<String> members = new HashSet<>();
        ofCase(caseId).forEach(swarm -> members.addAll(swarm.everMemberIds));
        return members;
    }
}
