package io.caseswarm.notifications.projection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.notifications.domain.NotificationEvent;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationFailed;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationSent;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationSuppressed;
import io.caseswarm.platform.event.EventTypes;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;

/** Keeps the delivery log in step with the notification events. */
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
            Delivery delivery = new Delivery();
            switch (store.decode(stored, TYPES)) {
                case NotificationSent sent -> {
                    delivery.notificationId = sent.notificationId();
                    delivery.recipient = sent.recipient();
                    delivery.channel = sent.channel();
                    delivery.template = sent.template();
                    delivery.subject = sent.subject();
                    delivery.status = "sent";
                    delivery.triggeredByEvent = sent.triggeredBy().eventId();
                    delivery.triggeredByType = sent.triggeredBy().type();
                    delivery.at = sent.sentAt();
                }
                case NotificationFailed failed -> {
                    delivery.notificationId = failed.notificationId();
                    delivery.recipient = failed.recipient();
                    delivery.channel = failed.channel();
                    delivery.template = failed.template();
                    delivery.subject = failed.subject();
                    delivery.status = "failed";
                    delivery.reason = failed.reason();
                    delivery.triggeredByEvent = failed.triggeredBy().eventId();
                    delivery.triggeredByType = failed.triggeredBy().type();
                    delivery.at = failed.failedAt();
                }
                case NotificationSuppressed suppressed -> {
                    delivery.notificationId = suppressed.notificationId();
                    delivery.recipient = suppressed.recipient();
                    delivery.channel = suppressed.channel();
                    delivery.template = suppressed.template();
                    delivery.subject = suppressed.subject();
                    delivery.status = "suppressed";
                    delivery.reason = suppressed.reason();
                    delivery.triggeredByEvent = suppressed.triggeredBy().eventId();
                    delivery.triggeredByType = suppressed.triggeredBy().type();
                    delivery.at = suppressed.suppressedAt();
                }
            }
            delivery.persist();
        }
    }
}
