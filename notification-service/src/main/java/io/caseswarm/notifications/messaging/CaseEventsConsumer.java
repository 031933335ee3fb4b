package io.caseswarm.notifications.messaging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.notifications.domain.MessageIds;
import io.caseswarm.notifications.domain.Notice;
import io.caseswarm.notifications.domain.NotificationEvent.TriggeredBy;
import io.caseswarm.notifications.projection.CaseInfo;
import io.caseswarm.notifications.projection.Contact;
import io.caseswarm.notifications.service.Notifier;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Tells customers that their case arrived, what the people working on it write to them, and that it is
 * solved; and tells the people an automation rule names what it asks to tell them ({@code case-notice-requested}).
 */
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
                    if (opened.email() != null) {
                        info.replyTo = opened.email().mailbox();
                        opened.email().threadableMessageId().ifPresent(info::addToMailThread);
                    }
                    info.persist();
                    notifier.send(Contact.findById(contactId), new Notice.CaseReceived(opened.caseId(),
                            opened.customer().name(), opened.number(), opened.subject()), trigger);
                }
                case "case-resolved" -> {
                    CaseResolved resolved = event.dataAs(CaseResolved.class);
                    String contactId = Contact.customer(resolved.customer().id());
                    Contact.learn(contactId, resolved.customer().name(), resolved.customer().email(), event.time());
                    notifier.send(Contact.findById(contactId), new Notice.CaseSolved(resolved.caseId(),
                            resolved.customer().name(), resolved.number(), resolved.resolution().summary()), trigger);
                }
                case "case-message-added" -> {
                    CaseMessageAdded message = event.dataAs(CaseMessageAdded.class);
                    threadCustomersMail(message, trigger);
                    tellCustomer(message, trigger);
                }
                case "case-notice-requested" -> {
                    NoticeRequested requested = event.dataAs(NoticeRequested.class);
                    if (requested.personIds() == null || requested.subject() == null || requested.text() == null) {
                        throw new IllegalArgumentException("case-notice-requested needs personIds, subject and text");
                    }
                    notifier.sendToPeople(requested.personIds(), new Notice.CaseNotice(requested.number(),
                            requested.subject(), requested.text()), trigger);
                }
                default -> {
                    // Nothing else about a case is news to its customer yet.
                }
            }
        });
    }

    /** A customer's answer by mail: our next mail about the case answers it. */
    private static void threadCustomersMail(CaseMessageAdded message, TriggeredBy trigger) {
        if (message.email() != null) {
            message.email().threadableMessageId().ifPresent(messageId ->
                    knownCase(message, trigger, "no mail thread to add it to").addToMailThread(messageId));
        }
    }

    private void tellCustomer(CaseMessageAdded message, TriggeredBy trigger) {
        if (!message.isForTheCustomer()) {
            return;
        }
        CaseInfo info = knownCase(message, trigger, "no customer to tell");
        Contact customer = Contact.findById(Contact.customer(info.customerId));
        notifier.send(customer, new Notice.CaseMessage(info.caseId, customer.name, message.number(), info.subject,
                message.body(), message.listedAttachments()), trigger);
    }

    /**
     * Whom the case's customer is, what the case is called and how its mail thread began were learnt at
     * case-opened, which comes first: both events are keyed by the case, so they share a partition.
     */
    private static CaseInfo knownCase(CaseMessageAdded message, TriggeredBy trigger, String consequence) {
        CaseInfo info = CaseInfo.findById(message.caseId());
        if (info == null) {
            // Permanent, so dead-lettered: once the missing case-opened is redriven, so can this be.
            throw new IllegalStateException("case-message-added " + trigger.eventId() + " is about case "
                    + message.caseId() + ", whose case-opened was never received: " + consequence);
        }
        return info;
    }

    record Customer(String id, String name, String email) {
    }

    /** Asked for by an automation rule of case-service; unknown fields are ignored. */
    record NoticeRequested(UUID caseId, String number, List<String> personIds, String subject, String text,
            String by) {
    }

    /**
     * How a case, or a message on it, came in by mail: the customer's Message-ID (without angle brackets;
     * null when their mail had none) and the support mailbox it was sent to.
     */
    record Email(String messageId, String mailbox) {

        /** The id, when it can be written into our mails' headers; a malformed one leaves the thread as it was. */
        Optional<String> threadableMessageId() {
            return Optional.ofNullable(messageId).filter(MessageIds::isWellFormed);
        }
    }

    /** {@code email} is null unless the case came in by mail. */
    record CaseOpened(UUID caseId, String number, String subject, Customer customer, Email email) {
    }

    record Resolution(String summary) {
    }

    record CaseResolved(UUID caseId, String number, Customer customer, Resolution resolution) {
    }

    record Attachment(String name, long size) {
    }

    /** {@code email} is null unless the message came in by mail. */
    record CaseMessageAdded(UUID caseId, String number, String authorRole, String visibility, String body,
            List<Attachment> attachments, Email email) {

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
