package io.caseswarm.swarms.projection;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A case as case-service announced it; swarm-service never changes it itself. */
@Entity
@Table(name = "known_case")
public class KnownCase extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";
    public static final String CLOSED = "closed";

    @Id
    public UUID caseId;
    public String number;
    public String subject;
    public String ownerId;
    public String status;
    /** urgent, high, normal or low; null when case-service never said. */
    public String priority;
    /** The product the case is about, which routes its swarms to a pod; null when it names none. */
    public String product;
}
