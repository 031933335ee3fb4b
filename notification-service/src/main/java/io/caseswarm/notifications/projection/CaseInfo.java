package io.caseswarm.notifications.projection;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "case_info")
public class CaseInfo extends PanacheEntityBase {

    @Id
    public UUID caseId;
    public String number;
    public String subject;
    public String customerId;
}
