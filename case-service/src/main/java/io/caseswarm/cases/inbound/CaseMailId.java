package io.caseswarm.cases.inbound;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A Message-ID that belongs to a case: a mail it came in by ({@code sent} false) or one the desk sent about it. */
@Entity
@Table(name = "case_mail_id")
public class CaseMailId extends PanacheEntityBase {

    @Id
    public String messageId;
    public UUID caseId;
    public boolean sent;
}
