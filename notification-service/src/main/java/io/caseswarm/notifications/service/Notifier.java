package io.caseswarm.notifications.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
import io.caseswarm.notifications.domain.NotificationEvent.NotificationHeld;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationSent;
import io.caseswarm.notifications.domain.NotificationEvent.NotificationSuppressed;
import io.caseswarm.notifications.domain.NotificationEvent.TriggeredBy;
import io.caseswarm.notifications.preference.DeliveryTiming;
import io.caseswarm.notifications.preference.Preference;
import io.caseswarm.notifications.projection.Contact;
import io.caseswarm.notifications.projection.DeliveryProjector;
import io.caseswarm.notifications.slack.SlackDirectMessages;
import io.caseswarm.notifications.slack.SlackException;
import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.deadline.Deadlines;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;

/**
 * Delivers a notice to a contact as their preference says, and records the outcome, with why, as an event:
 * on the first of their channels that can reach them (Slack when it is on here and the directory knows their
 * Slack user, else the next); in their quiet hours held until those end ({@link QuietHoursRelease}), unless
 * it is urgent and they opened quiet hours to urgent news; low-urgency news into their daily digest
 * ({@link DailyDigest}) when they have one. A failed delivery is recorded, not thrown: the consumer goes
 * on with the next event. A notice for somebody who chose none is not sent but recorded as suppressed, so
 * that "why did I hear nothing?" has an answer in the delivery log.
 *
 * <p>It runs in the inbox's (or the deadline's) transaction, so delivery is at least once: a crash after the
 * mail left but before the commit sends it again when the event is redelivered.
 */
@ApplicationScoped
public class Notifier {

    public static final String STREAM_TYPE = "notification";
    private static final String SUPPRESSED_REASON = "The recipient chose not to be notified (preference: none).";
    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final EmailSender email;
    private final SlackDirectMessages slack;
    private final CaseMailThreads threads;
    private final EventStore store;
    private final DeliveryProjector projector;
    private final Deadlines deadlines;
    private final PlatformClock clock;

    Notifier(EmailSender email, SlackDirectMessages slack, CaseMailThreads threads, EventStore store,
            DeliveryProjector projector, Deadlines deadlines, PlatformClock clock) {
        this.email = email;
        this.slack = slack;
        this.threads = threads;
        this.store = store;
        this.projector = projector;
        this.deadlines = deadlines;
        this.clock = clock;
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
        Letter letter = Letter.of(notice);
        Preference preference = Preference.of(to.ownerId());
        List<Channel> channels = preference.channelList();
        Instant now = clock.now();
        if (channels.isEmpty()) {
            record(id, 0, new NotificationSuppressed(id, letter.caseId(), to.email, Channel.NONE.wireName(),
                    letter.template(), letter.subject(), trigger, SUPPRESSED_REASON, now));
            return;
        }
        ZoneId zone = DeliveryTiming.zoneOf(preference, to.timeZone);
        DeliveryTiming timing = DeliveryTiming.decide(preference, zone, letter.urgency(), now);
        NotificationEvent outcome = switch (timing.when()) {
            case NOW -> deliver(id, to, letter, channels, trigger, timing.reason());
            case HELD -> {
                PendingNotice.keep(id, to.contactId, PendingNotice.HELD, letter, trigger, now);
                deadlines.schedule(QuietHoursRelease.KIND, id.toString(), QuietHoursRelease.KEY, timing.releaseAt(),
                        null);
                yield held(id, to, letter, channels, trigger, timing, now);
            }
            case DIGEST -> {
                PendingNotice.keep(id, to.contactId, PendingNotice.DIGEST, letter, trigger, now);
                // One deadline per person and digest time: every notice of the day schedules the same one.
                deadlines.schedule(DailyDigest.KIND, to.contactId, timing.releaseAt().toString(), timing.releaseAt(),
                        null);
                yield held(id, to, letter, channels, trigger, timing, now);
            }
        };
        record(id, 0, outcome);
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
     * The quiet hours of the notice's recipient are over: it goes out now, on the channels their preference
     * names now (or not at all, if they chose none meanwhile). A notice already sent does nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID notificationId) {
        PendingNotice pending = PendingNotice.findById(notificationId);
        if (pending == null) {
            return;
        }
        Contact to = Contact.findById(pending.contactId);
        Letter letter = pending.letter();
        List<StoredEvent> history = store.load(notificationId.toString());
        String why = store.decode(history.getLast(), DeliveryProjector.TYPES) instanceof NotificationHeld held
                ? held.reason() : "held until " + clock.now();
        record(notificationId, history.size(), deliverOrSuppress(notificationId, to, letter, pending.trigger(), why));
        pending.delete();
    }

    /**
     * The contact's digest time has come: one message lists every low-urgency notice kept for them, and each
     * of those notices is recorded as sent (or failed) with it. Nothing kept, nothing sent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sendDigest(String contactId) {
        List<PendingNotice> kept = PendingNotice.digestOf(contactId);
        if (kept.isEmpty()) {
            return;
        }
        Contact to = Contact.findById(contactId);
        UUID digestId = UUID.nameUUIDFromBytes(("digest|" + contactId + "|" + kept.getFirst().notificationId)
                .getBytes(StandardCharsets.UTF_8));
        Letter digest = digestOf(kept);
        String why = "in the daily digest with " + (kept.size() - 1) + " other notice" + (kept.size() == 2 ? "" : "s");
        NotificationEvent outcome = deliverOrSuppress(digestId, to, digest, kept.getFirst().trigger(), why);
        for (PendingNotice notice : kept) {
            record(notice.notificationId, store.load(notice.notificationId.toString()).size(),
                    asOutcomeOf(outcome, notice));
            notice.delete();
        }
    }

    private static Letter digestOf(List<PendingNotice> kept) {
        StringBuilder text = new StringBuilder("Hello,\n\nhere is what happened since your last digest:\n\n");
        for (PendingNotice notice : kept) {
            text.append("- ").append(notice.subject).append("\n\n").append(notice.text.indent(4)).append('\n');
        }
        text.append("Caseswarm");
        String subject = "Your Caseswarm digest: " + kept.size() + (kept.size() == 1 ? " update" : " updates");
        return new Letter("digest", subject, text.toString(), null, false, kept.getFirst().urgency);
    }

    /** The digest's outcome, told for one of the notices it listed. */
    private NotificationEvent asOutcomeOf(NotificationEvent digest, PendingNotice notice) {
        return switch (digest) {
            case NotificationSent sent -> new NotificationSent(notice.notificationId, notice.caseId, sent.messageId(),
                    sent.recipient(), sent.channel(), notice.template, notice.subject, notice.trigger(), sent.reason(),
                    sent.sentAt());
            case NotificationFailed failed -> new NotificationFailed(notice.notificationId, notice.caseId,
                    failed.messageId(), failed.recipient(), failed.channel(), notice.template, notice.subject,
                    notice.trigger(), failed.reason(), failed.failedAt());
            case NotificationSuppressed suppressed -> new NotificationSuppressed(notice.notificationId, notice.caseId,
                    suppressed.recipient(), suppressed.channel(), notice.template, notice.subject, notice.trigger(),
                    suppressed.reason(), suppressed.suppressedAt());
            case NotificationHeld held -> throw new IllegalStateException("A digest is never held");
        };
    }

    private NotificationEvent deliverOrSuppress(UUID id, Contact to, Letter letter, TriggeredBy trigger, String why) {
        List<Channel> channels = Preference.of(to.ownerId()).channelList();
        if (channels.isEmpty()) {
            return new NotificationSuppressed(id, letter.caseId(), to.email, Channel.NONE.wireName(), letter.template(),
                    letter.subject(), trigger, why + "; " + SUPPRESSED_REASON, clock.now());
        }
        return deliver(id, to, letter, channels, trigger, why);
    }

    private NotificationHeld held(UUID id, Contact to, Letter letter, List<Channel> channels, TriggeredBy trigger,
            DeliveryTiming timing, Instant now) {
        return new NotificationHeld(id, letter.caseId(), to.email, channels.getFirst().wireName(), letter.template(),
                letter.subject(), letter.urgency().wireName(), trigger, timing.reason(), timing.releaseAt(), now);
    }

    private void record(UUID id, long version, NotificationEvent outcome) {
        projector.project(store.append(STREAM_TYPE, id.toString(), version, List.of(outcome)));
    }

    /**
     * Tries the channels in the person's order until one takes the notice; each one skipped or failed is
     * named in the reason, after {@code timing} (why now), so that the log tells the whole story.
     */
    private NotificationEvent deliver(UUID id, Contact to, Letter letter, List<Channel> channels, TriggeredBy trigger,
            String timing) {
        List<String> skipped = new ArrayList<>();
        Channel last = channels.getFirst();
        for (Channel channel : channels) {
            last = channel;
            switch (channel) {
                case SLACK -> {
                    if (!slack.enabled()) {
                        skipped.add("slack skipped: Slack is not enabled here");
                    } else if (to.slackUserId == null) {
                        skipped.add("slack skipped: the directory knows no Slack user for them");
                    } else {
                        try {
                            slack.send(to.slackUserId, letter.asSlackText());
                            return new NotificationSent(id, letter.caseId(), null, to.email, channel.wireName(),
                                    letter.template(), letter.subject(), trigger,
                                    reason(timing, skipped, channel), clock.now());
                        } catch (SlackException e) {
                            LOG.warnf("Could not send %s to %s on Slack: %s", letter.template(), to.email,
                                    e.getMessage());
                            skipped.add("slack failed: " + e.getMessage());
                        }
                    }
                }
                case EMAIL -> {
                    String messageId = email.messageIdFor(id);
                    try {
                        email(messageId, to, letter);
                        return new NotificationSent(id, letter.caseId(), messageId, to.email, channel.wireName(),
                                letter.template(), letter.subject(), trigger, reason(timing, skipped, channel),
                                clock.now());
                    } catch (MessagingException | RuntimeException e) {
                        LOG.warnf("Could not send %s to %s: %s", letter.template(), to.email, rootMessage(e));
                        skipped.add("email failed: " + rootMessage(e));
                    }
                }
                case NONE -> skipped.add("none is not a channel");
            }
        }
        return new NotificationFailed(id, letter.caseId(), last == Channel.EMAIL ? email.messageIdFor(id) : null,
                to.email, last.wireName(), letter.template(), letter.subject(), trigger,
                reason(timing, skipped, null), clock.now());
    }

    /** E.g. "slack skipped: …; so email", "first channel slack; in quiet hours …, held until 07:00". */
    private static String reason(String timing, List<String> skipped, Channel chosen) {
        List<String> parts = new ArrayList<>();
        if (timing != null) {
            parts.add(timing);
        }
        if (chosen == null) {
            parts.add("no channel took it: " + String.join("; ", skipped));
        } else if (skipped.isEmpty()) {
            parts.addFirst("first channel " + chosen.wireName());
        } else {
            parts.add(String.join("; ", skipped) + "; so " + chosen.wireName());
        }
        return String.join("; ", parts);
    }

    /**
     * The mail joins its case's thread only once the SMTP server took it, in the transaction that
     * records it as sent: a mail that failed is answered by nobody, and one sent again after a crash
     * answers the same mail as the first time.
     */
    private void email(String messageId, Contact to, Letter letter) throws MessagingException {
        MailThreading threading = threads.threadingFor(letter.caseId());
        email.send(new OutgoingMail(messageId, to.email, to.name, letter.subject(), letter.text(), threading,
                letter.autoReply()));
        threads.sent(letter.caseId(), messageId);
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
