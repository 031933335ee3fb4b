package io.caseswarm.cases.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.cases.inbound.MailThreads;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Learns the Message-IDs of the mails the desk sent about each case, so that a customer's answer to any
 * of them (it names the mail in {@code In-Reply-To}) lands on that case.
 */
@ApplicationScoped
public class NotificationEventsConsumer {

    private final EventInbox inbox;
    private final MailThreads threads;

    NotificationEventsConsumer(EventInbox inbox, MailThreads threads) {
        this.inbox = inbox;
        this.threads = threads;
    }

    @Incoming("notification-events")
    @Blocking
    public void onNotificationEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            if ("notification-sent".equals(event.type())) {
                NotificationSent sent = event.dataAs(NotificationSent.class);
                if (sent.caseId() != null) {
                    threads.remember(sent.messageId(), sent.caseId(), true);
                }
            }
        });
    }

    record NotificationSent(UUID caseId, String messageId) {
    }
}
