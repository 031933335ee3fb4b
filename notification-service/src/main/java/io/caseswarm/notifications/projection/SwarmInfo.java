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
}
