package io.caseswarm.notifications.domain;

import java.time.Instant;
import java.util.UUID;

import io.caseswarm.platform.event.EventType;

/**
 * Every delivery attempt, and every delivery left out because the recipient chose not to be notified,
 * on {@code notification-events}, keyed by the notification id. {@code caseId} is the case a notice to
 * its customer is about (null for any other notice); {@code messageId} the mail's Message-ID without
 * angle brackets, which a customer's answer names in its In-Reply-To or References.
 */
public sealed interface NotificationEvent {

    UUID notificationId();

    /** The event that made us write. */
    record TriggeredBy(UUID eventId, String type) {
    }

    /**
     * {@code reason} says why this channel and this moment (the first channel, or why earlier ones were
     * skipped; held in quiet hours; in a digest); null when there is nothing to tell, and on older events.
     * {@code messageId} is null for a Slack message.
     */
    @EventType("notification-sent")
    record NotificationSent(UUID notificationId, UUID caseId, String messageId, String recipient, String channel,
            String template, String subject, TriggeredBy triggeredBy, String reason, Instant sentAt)
            implements NotificationEvent {
    }

    @EventType("notification-failed")
    record NotificationFailed(UUID notificationId, UUID caseId, String messageId, String recipient, String channel,
            String template, String subject, TriggeredBy triggeredBy, String reason, Instant failedAt)
            implements NotificationEvent {
    }

    /**
     * Not sent yet, by the recipient's preference: held until their quiet hours end, or kept for their
     * daily digest. {@code sendAt} is when it goes out (on the channel their preference then names, first
     * {@code channel} now); a {@code notification-sent} or {@code -failed} of the same id follows.
     */
    @EventType("notification-held")
    record NotificationHeld(UUID notificationId, UUID caseId, String recipient, String channel, String template,
            String subject, String urgency, TriggeredBy triggeredBy, String reason, Instant sendAt, Instant heldAt)
            implements NotificationEvent {
    }

    /** Nothing was sent: the recipient's preference is {@code none}. {@code channel} is that preference. */
    @EventType("notification-suppressed")
    record NotificationSuppressed(UUID notificationId, UUID caseId, String recipient, String channel,
            String template, String subject, TriggeredBy triggeredBy, String reason, Instant suppressedAt)
            implements NotificationEvent {
    }
}
