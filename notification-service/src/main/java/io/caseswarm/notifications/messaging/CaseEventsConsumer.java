package io.caseswarm.notifications.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.notifications.domain.Notice;
import io.caseswarm.notifications.domain.NotificationEvent.TriggeredBy;
import io.caseswarm.notifications.projection.CaseInfo;
import io.caseswarm.notifications.projection.Contact;
import io.caseswarm.notifications.service.Notifier;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Tells customers that their case arrived, what the people working on it write to them, and that it is solved. */
@ApplicationScoped
public class CaseEventsConsumer {

    private final EventInbox inbox;
    private final Notifier notifier;

    CaseEventsConsumer(EventInbox inbox, Notifier notifier) {
        this.inbox = inbox;
        this.notifier = notifier;
    }

    @Incoming("case-events")
    @Blocking
    public void onCaseEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            TriggeredBy trigger = new TriggeredBy(event.id(), event.type());
            switch (event.type()) {
                case "case-opened" -> {
                    CaseOpened opened = event.dataAs(CaseOpened.class);
                    String contactId = Contact.customer(opened.customer().id());
                    Contact.learn(contactId, opened.customer().name(), opened.customer().email(), event.time());
                    CaseInfo info = new CaseInfo();
                    info.caseId = opened.caseId();
                    info.number = opened.number();
                    info.subject = opened.subject();
                    info.customerId = opened.customer().id();
                    info.persist();
                    notifier.send(Contact.findById(contactId),
                            new Notice.CaseReceived(opened.customer().name(), opened.number(), opened.subject()),
                            trigger);
                }
                case "case-resolved" -> {
                    CaseResolved resolved = event.dataAs(CaseResolved.class);
                    String contactId = Contact.customer(resolved.customer().id());
                    Contact.learn(contactId, resolved.customer().name(), resolved.customer().email(), event.time());
                    notifier.send(Contact.findById(contactId), new Notice.CaseSolved(resolved.customer().name(),
                            resolved.number(), resolved.resolution().summary()), trigger);
                }
                case "case-message-added" -> tellCustomer(event.dataAs(CaseMessageAdded.class), trigger);
                default -> {
                    // Nothing else about a case is news to its customer yet.
                }
            }
        });
    }

    /**
     * Whom the case's customer is and what the case is called were learnt at case-opened, which comes
     * first: both events are keyed by the case, so they share a partition.
     */
    private void tellCustomer(CaseMessageAdded message, TriggeredBy trigger) {
        if (!message.isForTheCustomer()) {
            return;
        }
        CaseInfo info = CaseInfo.findById(message.caseId());
        if (info == null) {
            // Permanent, so dead-lettered: once the missing case-opened is redriven, so can this be.
            throw new IllegalStateException("case-message-added " + trigger.eventId() + " is about case "
                    + message.caseId() + ", whose case-opened was never received: no customer to tell");
        }
        Contact customer = Contact.findById(Contact.customer(info.customerId));
        notifier.send(customer, new Notice.CaseMessage(customer.name, message.number(), info.subject, message.body(),
                message.listedAttachments()), trigger);
    }

    record Customer(String id, String name, String email) {
    }

    record CaseOpened(UUID caseId, String number, String subject, Customer customer) {
    }

    record Resolution(String summary) {
    }

    record CaseResolved(UUID caseId, String number, Customer customer, Resolution resolution) {
    }

    record Attachment(String name, long size) {
    }

    record CaseMessageAdded(UUID caseId, String number, String authorRole, String visibility, String body,
            List<Attachment> attachments) {

        /**
         * Internal notes are for the people working the case, never the customer; and a customer does
         * not need to be told what they wrote themselves.
         */
        boolean isForTheCustomer() {
            return "public".equals(visibility) && !"customer".equals(authorRole);
        }

        /** The list may be absent from the payload: no attachments. */
        List<Notice.CaseMessage.Attachment> listedAttachments() {
            return attachments == null ? List.of()
                    : attachments.stream().map(a -> new Notice.CaseMessage.Attachment(a.name(), a.size())).toList();
        }
    }
}
