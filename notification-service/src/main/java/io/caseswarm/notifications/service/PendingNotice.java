package io.caseswarm.notifications.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.caseswarm.notifications.domain.NotificationEvent.TriggeredBy;
import io.caseswarm.notifications.domain.Urgency;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A notice not sent yet: held until its recipient's quiet hours end, or waiting for their daily digest. */
@Entity
@Table(name = "pending_notice")
public class PendingNotice extends PanacheEntityBase {

    public static final String HELD = "held";
    public static final String DIGEST = "digest";

    @Id
    public UUID notificationId;
    public String contactId;
    public String kind;
    public String template;
    public String subject;
    public String text;
    public UUID caseId;
    public boolean autoReply;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public UUID triggeredByEvent;
    public String triggeredByType;
    public Instant queuedAt;

    static void keep(UUID notificationId, String contactId, String kind, Letter letter, TriggeredBy trigger,
            Instant at) {
        PendingNotice pending = new PendingNotice();
        pending.notificationId = notificationId;
        pending.contactId = contactId;
        pending.kind = kind;
        pending.template = letter.template();
        pending.subject = letter.subject();
        pending.text = letter.text();
        pending.caseId = letter.caseId();
        pending.autoReply = letter.autoReply();
        pending.urgency = letter.urgency();
        pending.triggeredByEvent = trigger.eventId();
        pending.triggeredByType = trigger.type();
        pending.queuedAt = at;
        pending.persist();
    }

    /** The notices waiting for this contact's digest, oldest first. */
    static List<PendingNotice> digestOf(String contactId) {
        return list("contactId = ?1 and kind = ?2 order by queuedAt, notificationId", contactId, DIGEST);
    }

    Letter letter() {
        return new Letter(template, subject, text, caseId, autoReply, urgency);
    }

    TriggeredBy trigger() {
        return new TriggeredBy(triggeredByEvent, triggeredByType);
    }
}
