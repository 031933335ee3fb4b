package io.caseswarm.experts.projection;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.experts.domain.SwarmRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a swarm asked for, kept so that a decline can bring in the next candidate for the same needs. */
@Entity
@Table(name = "swarm_staffing")
public class SwarmStaffing extends PanacheEntityBase {

    @Id
    public UUID swarmId;
    public UUID caseId;
    public String ownerId;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> skills;
    public int teamSize;
    public boolean open;
    public String caseNumber;
    public String question;
    /** The case's priority when the swarm was asked for; null if unknown. */
    public String priority;
    /** Staffing ran dry (swarm-unstaffed) and nobody has been invited since. */
    public boolean unstaffed;
    /** The pod the swarm was routed to; null when none (or requested before pods). */
    public String podId;
    /** standard, urgent or backlog; null on swarms requested before types, which are standard. */
    public String type;
    /** The case's product; null when it names none (or on swarms requested before it was sent). */
    public String product;
    /** What the requester tried already; with the question, the words similar cases are found by. */
    public String stepsTried;

    public SwarmRequest request() {
        return new SwarmRequest(swarmId, caseId, ownerId, skills, teamSize, caseNumber, question, priority, podId,
                type, product, stepsTried);
    }
}
