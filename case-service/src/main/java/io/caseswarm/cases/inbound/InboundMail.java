package io.caseswarm.cases.inbound;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A mail the desk took in, by its key, with what became of it. The key is what makes a mail read twice
 * (a crash between its commit and its IMAP flag, a gateway retrying) have one effect.
 */
@Entity
@Table(name = "inbound_mail")
public class InboundMail extends PanacheEntityBase {

    @Id
    public String mailKey;
    public String mailbox;
    public String sender;
    public String subject;
    @Enumerated(EnumType.STRING)
    public IntakeOutcome outcome;
    public UUID caseId;
    public Instant receivedAt;

    /** Its Message-ID, or the digest of its bytes when it has none (some scanners and old gateways omit it). */
    static String keyOf(String messageId, String digest) {
        return messageId != null && !messageId.isBlank() ? messageId : "sha256:" + digest;
    }

    /** New cases (follow-ups too) {@code sender} opened by mail since {@code since}. */
    static long casesOpenedBy(String sender, Instant since) {
        return count("sender = ?1 and outcome in ?2 and receivedAt > ?3", sender,
                java.util.List.of(IntakeOutcome.OPENED, IntakeOutcome.FOLLOW_UP), since);
    }
}
