package io.caseswarm.cases.customer;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A customer in the directory. A plain table, not an event stream: the directory is reference data
 * kept up to date by integrations (a CRM) and admins, and nothing is decided from its past. Every case
 * event carries the customer as they were when it happened, so subscribers never need the directory.
 */
@Entity
@Table(name = "customer")
public class CustomerRecord extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String phone;
    public String organisation;
    public String language;
    public String timeZone;
    public String tier;
    /** The identity provider's subject of this customer's login, if they have one. */
    public String subject;
    public Instant createdAt;
    public Instant updatedAt;
}
