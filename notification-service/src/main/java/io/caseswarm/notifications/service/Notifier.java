package io.caseswarm.notifications.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.caseswarm.notifications.domain.Notice;
import io.caseswarm.notifications.domain.NotificationEvent;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationFailed;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationSent;
import io.caseswarm.notifications.domain.NotificationEvent.TriggeredBy;
import io.caseswarm.notifications.projection.Contact;
import io.caseswarm.notifications.projection.DeliveryProjector;
import io.caseswarm.platform.store.EventStore;

/**
 * Delivers a notice to a contact on their preferred channel (email for now) and records the outcome
 * as an event. A failed delivery is recorded, not thrown: the consumer goes on with the next event.
 *
 * <p>It runs in the inbox's transaction, so delivery is at least once: a crash after the mail left
 * but before the commit sends it again when the event is redelivered.
 */
@ApplicationScoped
public class Notifier {

    public static final String STREAM_TYPE = "notification";
    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final EmailSender email;
    private final EventStore store;
    private final DeliveryProjector projector;
    // Microseconds, as PostgreSQL keeps them.
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    Notifier(EmailSender email, EventStore store, DeliveryProjector projector) {
        this.email = email;
        this.store = store;
        this.projector = projector;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(Contact to, Notice notice, TriggeredBy trigger) {
        UUID id = UUID.randomUUID();
        NotificationEvent outcome;
        try {
            email.send(to.email, notice.subject(), notice.text());
            outcome = new NotificationSent(id, to.email, Contact.EMAIL, notice.template(), notice.subject(), trigger,
                    clock.instant());
        } catch (MessagingException | RuntimeException e) {
            LOG.warnf("Could not send %s to %s: %s", notice.template(), to.email, rootMessage(e));
            outcome = new NotificationFailed(id, to.email, Contact.EMAIL, notice.template(), notice.subject(),
                    trigger, rootMessage(e), clock.instant());
        }
        projector.project(store.append(STREAM_TYPE, id.toString(), 0, List.of(outcome)));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
