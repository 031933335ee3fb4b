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

    @EventType("notification-sent")
    record NotificationSent(UUID notificationId, UUID caseId, String messageId, String recipient, String channel,
            String template, String subject, TriggeredBy triggeredBy, Instant sentAt) implements NotificationEvent {
    }

    @EventType("notification-failed")
    record NotificationFailed(UUID notificationId, UUID caseId, String messageId, String recipient, String channel,
            String template, String subject, TriggeredBy triggeredBy, String reason, Instant failedAt)
            implements NotificationEvent {
    }

    /** Nothing was sent: the recipient's preference is {@code none}. {@code channel} is that preference. */
    @EventType("notification-suppressed")
    record NotificationSuppressed(UUID notificationId, UUID caseId, String recipient, String channel,
            String template, String subject, TriggeredBy triggeredBy, String reason, Instant suppressedAt)
            implements NotificationEvent {
    }
}
