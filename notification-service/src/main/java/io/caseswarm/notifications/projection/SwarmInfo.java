package io.caseswarm.notifications.projection;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "swarm_info")
public class SwarmInfo extends PanacheEntityBase {

    @Id
    public UUID swarmId;
    public UUID caseId;
    public String caseNumber;
    public String question;
    /** The case's priority when the swarm was asked for ({@code urgent}, …); null when not known. */
    public String priority;
    /** Who owns the swarm now; null for swarms asked for before this was kept. */
    public String ownerId;

    public boolean isUrgent() {
        return "urgent".equals(priority);
    }
}
