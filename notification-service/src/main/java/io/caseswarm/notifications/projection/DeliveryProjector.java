package io.caseswarm.notifications.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.notifications.domain.NotificationEvent;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationFailed;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationHeld;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationSent;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationSuppressed;
import io.caseswarm.notifications.domain.NotificationEvent.TriggeredBy;
import io.caseswarm.platform.event.EventTypes;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;

/**
 * Keeps the delivery log in step with the notification events: one row per notification, showing its
 * latest state (a held notice's row becomes sent when it goes out).
 */
@ApplicationScoped
public class DeliveryProjector {

    public static final EventTypes<NotificationEvent> TYPES = EventTypes.of(NotificationEvent.class);

    private final EventStore store;

    DeliveryProjector(EventStore store) {
        this.store = store;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void project(List<StoredEvent> events) {
        for (StoredEvent stored : events) {
            Delivery delivery = switch (store.decode(stored, TYPES)) {
                case NotificationSent sent -> delivery(sent.notificationId(), sent.recipient(), sent.channel(),
                        sent.template(), sent.subject(), sent.triggeredBy(), "sent", sent.reason(), sent.sentAt());
                case NotificationHeld held -> delivery(held.notificationId(), held.recipient(), held.channel(),
                        held.template(), held.subject(), held.triggeredBy(), "held", held.reason(), held.heldAt());
                case NotificationFailed failed -> delivery(failed.notificationId(), failed.recipient(),
                        failed.channel(), failed.template(), failed.subject(), failed.triggeredBy(), "failed",
                        failed.reason(), failed.failedAt());
                case NotificationSuppressed suppressed -> delivery(suppressed.notificationId(),
                        suppressed.recipient(), suppressed.channel(), suppressed.template(), suppressed.subject(),
                        suppressed.triggeredBy(), "suppressed", suppressed.reason(), suppressed.suppressedAt());
            };
            delivery.persist();
        }
    }

    private static Delivery delivery(UUID notificationId, String recipient, String channel, String template,
            String subject, TriggeredBy triggeredBy, String status, String reason, Instant at) {
        Delivery delivery = Delivery.<Delivery>findByIdOptional(notificationId).orElseGet(Delivery::new);
        delivery.notificationId = notificationId;
        delivery.recipient = recipient;
        delivery.channel = channel;
        delivery.template = template;
        delivery.subject = subject;
        delivery.status = status;
        delivery.reason = reason;
        delivery.triggeredByEvent = triggeredBy.eventId();
        delivery.triggeredByType = triggeredBy.type();
        delivery.at = at;
        return delivery;
    }
}
