package io.caseswarm.cases.inbound;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A mail kept aside, raw, until an admin retries it: see {@link HoldReason}. */
@Entity
@Table(name = "held_mail")
public class HeldMail extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The key its row in {@code inbound_mail} has: a retry takes it in again under the same key. */
    public String mailKey;
    public String mailbox;
    @Enumerated(EnumType.STRING)
    public HoldReason reason;
    public String detail;
    public String sender;
    public String subject;
    @Basic(fetch = FetchType.LAZY)
    public byte[] raw;
    public long size;
    public Instant heldAt;
    /** When a retry put it through intake; null while it waits. */
    public Instant releasedAt;
}
