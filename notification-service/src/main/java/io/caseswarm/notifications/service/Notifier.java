package io.caseswarm.notifications.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.caseswarm.notifications.domain.Channel;
import io.caseswarm.notifications.domain.Notice;
import io.caseswarm.notifications.domain.NotificationEvent;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationFailed;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationSent;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationSuppressed;
import io.caseswarm.notifications.domain.NotificationEvent.TriggeredBy;
import io.caseswarm.notifications.preference.Preference;
import io.caseswarm.notifications.projection.Contact;
import io.caseswarm.notifications.projection.DeliveryProjector;
import io.caseswarm.platform.store.EventStore;

/**
 * Delivers a notice to a contact on the channel they chose (email unless they chose none) and records
 * the outcome as an event. A failed delivery is recorded, not thrown: the consumer goes on with the
 * next event. A notice for somebody who chose none is not sent but recorded as suppressed, so that
 * "why did I hear nothing?" has an answer in the delivery log.
 *
 * <p>It runs in the inbox's transaction, so delivery is at least once: a crash after the mail left
 * but before the commit sends it again when the event is redelivered.
 */
@ApplicationScoped
public class Notifier {

    public static final String STREAM_TYPE = "notification";
    private static final String SUPPRESSED_REASON = "The recipient chose not to be notified (preference: none).";
    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final EmailSender email;
    private final CaseMailThreads threads;
    private final EventStore store;
    private final DeliveryProjector projector;
    // Microseconds, as PostgreSQL keeps them.
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    Notifier(EmailSender email, CaseMailThreads threads, EventStore store, DeliveryProjector projector) {
        this.email = email;
        this.threads = threads;
        this.store = store;
        this.projector = projector;
    }

    /**
     * Does nothing when this notice already went to this recipient for this trigger: the notification's
     * id is derived from the three, so a trigger handled again finds its delivery recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(Contact to, Notice notice, TriggeredBy trigger) {
        UUID id = notificationId(trigger, notice, to.email);
        if (!store.load(id.toString()).isEmpty()) {
            LOG.debugf("%s to %s for %s %s was delivered before", notice.template(), to.email, trigger.type(),
                    trigger.eventId());
            return;
        }
        NotificationEvent outcome = switch (Preference.of(to.ownerId())) {
            case EMAIL -> email(id, to, notice, trigger);
            case NONE -> new NotificationSuppressed(id, caseIdOf(notice), to.email, Channel.NONE.wireName(),
                    notice.template(), notice.subject(), trigger, SUPPRESSED_REASON, clock.instant());
        };
        projector.project(store.append(STREAM_TYPE, id.toString(), 0, List.of(outcome)));
    }

    /**
     * Tells each of {@code personIds} once, however often the list names them, through their contact from
     * the directory. A person the directory never announced has no contact point: nobody to send to, which
     * is logged, and the others are still told.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sendToPeople(List<String> personIds, Notice notice, TriggeredBy trigger) {
        for (String personId : new LinkedHashSet<>(personIds)) {
            Contact contact = Contact.findById(Contact.person(personId));
            if (contact == null) {
                LOG.warnf("No contact point for %s: %s for %s %s not sent", personId, notice.template(),
                        trigger.type(), trigger.eventId());
                continue;
            }
            send(contact, notice, trigger);
        }
    }

    /**
     * The same for every attempt at one notice: a mail that goes out twice (the process died after the
     * SMTP server took it but before the delivery was committed) carries the same Message-ID, which mail
     * clients fold into one.
     */
    static UUID notificationId(TriggeredBy trigger, Notice notice, String recipient) {
        return UUID.nameUUIDFromBytes((trigger.eventId() + "|" + notice.template() + "|" + recipient)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The mail joins its case's thread only once the SMTP server took it, in the transaction that
     * records it as sent: a mail that failed is answered by nobody, and one sent again after a crash
     * answers the same mail as the first time.
     */
    private NotificationEvent email(UUID id, Contact to, Notice notice, TriggeredBy trigger) {
        String channel = Channel.EMAIL.wireName();
        String messageId = email.messageIdFor(id);
        MailThreading threading = threads.threadingFor(notice);
        try {
            email.send(new OutgoingMail(messageId, to.email, to.name, notice.subject(), notice.text(), threading,
                    notice.isAutoReply()));
            threads.sent(notice, messageId);
            return new NotificationSent(id, caseIdOf(notice), messageId, to.email, channel, notice.template(),
                    notice.subject(), trigger, clock.instant());
        } catch (MessagingException | RuntimeException e) {
            LOG.warnf("Could not send %s to %s: %s", notice.template(), to.email, rootMessage(e));
            return new NotificationFailed(id, caseIdOf(notice), messageId, to.email, channel, notice.template(),
                    notice.subject(), trigger, rootMessage(e), clock.instant());
        }
    }

    private static UUID caseIdOf(Notice notice) {
        return notice instanceof Notice.AboutCase about ? about.caseId() : null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
