package io.caseswarm.cases.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import io.caseswarm.cases.attachment.AttachmentInspector;
import io.caseswarm.cases.attachment.AttachmentLimits;
import io.caseswarm.cases.attachment.NewAttachment;
import io.caseswarm.cases.attachment.Sha256;
import io.caseswarm.cases.customer.CustomerDirectory;
import io.caseswarm.cases.customer.CustomerRef;
import io.caseswarm.cases.domain.AuthorRole;
import io.caseswarm.cases.domain.Channel;
import io.caseswarm.cases.domain.Customer;
import io.caseswarm.cases.domain.MailOrigin;
import io.caseswarm.cases.domain.Message;
import io.caseswarm.cases.domain.OpenCase;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.mail.MailKind;
import io.caseswarm.cases.mail.MailParser;
import io.caseswarm.cases.mail.ParsedMail;
import io.caseswarm.cases.mail.UnreadableMailException;
import io.caseswarm.cases.projection.CaseView;
import io.caseswarm.cases.service.CaseMailCommands;
import io.caseswarm.cases.service.CaseMailCommands.MailMessage;
import io.caseswarm.platform.retry.RetryOnConflict;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Takes one mail into the desk, whether an IMAP reader fetched it or a gateway pushed it: a reply lands on
 * the case it answers ({@link MailThreads}), any other mail opens a case for its sender, automatic mail
 * (auto-replies, lists, bounces) is only noted, and a mail the desk cannot take is held for an admin.
 *
 * <p>All of it happens in one transaction with the row that records the mail as taken in, keyed by its
 * Message-ID: a mail read again after a crash, or pushed twice, finds that row and changes nothing. Two
 * replicas given the same mail at once queue on a lock of its key, so the second sees the first's row.
 */
@ApplicationScoped
public class MailIntake {

    static final int MAX_SUBJECT = 200;
    static final int MAX_TEXT = 20_000;
    private static final Duration THROTTLE_PERIOD = Duration.ofHours(1);
    private static final int NOTE_EXCERPT = 2_000;
    private static final Logger LOG = Logger.getLogger(MailIntake.class);

    private final MailParser parser;
    private final MailThreads threads;
    private final CaseMailCommands cases;
    private final CustomerDirectory directory;
    private final AttachmentInspector inspector;
    private final AttachmentLimits limits;
    private final MailSettings settings;
    private final Mailboxes mailboxes;
    private final EntityManager entities;
    private final MeterRegistry meters;
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    MailIntake(MailParser parser, MailThreads threads, CaseMailCommands cases, CustomerDirectory directory,
            AttachmentInspector inspector, AttachmentLimits limits, MailSettings settings, Mailboxes mailboxes,
            EntityManager entities, MeterRegistry meters) {
        this.parser = parser;
        this.threads = threads;
        this.cases = cases;
        this.directory = directory;
        this.inspector = inspector;
        this.limits = limits;
        this.settings = settings;
        this.mailboxes = mailboxes;
        this.entities = entities;
        this.meters = meters;
    }

    /** Takes in a mail that reached {@code mailbox}. */
    @Transactional
    @RetryOnConflict
    public IntakeResult accept(byte[] raw, Mailbox mailbox) {
        IntakeResult result = take(raw, mailbox, null);
        meters.counter("caseswarm.mail.intake", "outcome", result.outcome().label()).increment();
        return result;
    }

    /**
     * Holds a mail that intake failed on for a reason of the mail's own (a bug its content trips, not an
     * outage), so that the mailbox goes on with the next one instead of trying this one for ever.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public IntakeResult holdFailed(byte[] raw, Mailbox mailbox, String failure) {
        String key = InboundMail.keyOf(null, Sha256.hex(raw));
        IntakeResult result = firstTime(key)
                ? hold(key, HoldReason.FAILED, "Intake failed: " + failure, raw, mailbox, null, null, clock.instant(), null)
                : duplicate(key);
        meters.counter("caseswarm.mail.intake", "outcome", result.outcome().label()).increment();
        return result;
    }

    /**
     * An admin's retry of a held mail: taken in again under its key, and not held for its sender's hourly
     * limit (the admin decided). A mail still unreadable stays held, with the new reason.
     */
    @Transactional
    @RetryOnConflict
    public IntakeResult release(UUID heldId) {
        HeldMail held = HeldMail.<HeldMail>findByIdOptional(heldId)
                .filter(mail -> mail.releasedAt == null)
                .orElseThrow(() -> new NotFoundException("No mail " + heldId + " is held"));
        Mailbox mailbox = mailboxes.forAnyOf(List.of(held.mailbox)).orElseThrow(() -> new IllegalStateException(
                "Mail " + heldId + " came to " + held.mailbox + ", which is no longer a configured mailbox"));
        InboundMail.deleteById(held.mailKey);
        entities.flush();
        IntakeResult result = take(held.raw, mailbox, held);
        if (result.outcome() != IntakeOutcome.HELD) {
            held.releasedAt = clock.instant();
        }
        return result;
    }

    private IntakeResult take(byte[] raw, Mailbox mailbox, HeldMail retrying) {
        Instant now = clock.instant();
        if (raw.length > settings.maxMailSize().asLongValue()) {
            String key = InboundMail.keyOf(null, Sha256.hex(raw));
            return firstTime(key) ? hold(key, HoldReason.TOO_LARGE, "The mail is " + raw.length
                    + " bytes; the desk takes at most " + settings.maxMailSize().asLongValue(), raw, mailbox, null,
                    null, now, retrying) : duplicate(key);
        }
        ParsedMail mail;
        try {
            mail = parser.parse(raw);
        } catch (UnreadableMailException e) {
            String key = InboundMail.keyOf(null, Sha256.hex(raw));
            return firstTime(key) ? hold(key, HoldReason.UNREADABLE, e.getMessage(), raw, mailbox, null, null, now,
                    retrying) : duplicate(key);
        }
        String key = InboundMail.keyOf(mail.messageId(), mail.digest());
        if (!firstTime(key)) {
            return duplicate(key);
        }
        IntakeResult result;
        if (mailboxes.forAnyOf(List.of(mail.from().address())).isPresent()) {
            // The desk's own address as sender: its mail come back (a misdirected copy, a forwarding
            // loop). Answering it would be the desk writing to itself.
            result = IntakeResult.onCase(IntakeOutcome.RECORDED, null, null);
        } else if (mail.kind() == MailKind.ORDINARY) {
            result = converse(key, raw, mail, mailbox, now, retrying);
        } else {
            result = noteAutomatic(mail);
        }
        if (result.outcome() != IntakeOutcome.HELD) {
            log(key, mailbox, mail.from().address(), mail.subject(), result, now);
        }
        LOG.debugf("Mail %s from %s to %s: %s %s", key, mail.from().address(), mailbox.address(), result.outcome(),
                result.caseNumber());
        return result;
    }

    /** A person's mail: an answer on its case, or a new case. */
    private IntakeResult converse(String key, byte[] raw, ParsedMail mail, Mailbox mailbox, Instant now,
            HeldMail retrying) {
        String sender = mail.from().address();
        String senderId = directory.byEmail(sender).map(record -> record.id).orElse(null);
        Optional<CaseView> answered = threads.caseAnswered(mail, senderId);
        MailOrigin origin = new MailOrigin(mail.messageId(), mailbox.address());
        try (MailFiles files = MailFiles.of(raw, mail, inspector, limits)) {
            if (answered.isPresent() && cases.takesReplies(answered.get().id)) {
                CaseView view = answered.get();
                String authorId = directory.forCase(senderRef(mail)).id();
                cases.write(view.id, room -> customerMail(authorId, body(mail.text(), files.leftOut(room)),
                        files.keptWithin(room), origin));
                threads.remember(mail.messageId(), view.id, false);
                return IntakeResult.onCase(IntakeOutcome.ADDED, view.id, view.number);
            }
            boolean releasedByAdmin = retrying != null;
            if (!releasedByAdmin && InboundMail.casesOpenedBy(sender, now.minus(THROTTLE_PERIOD))
                    >= settings.maxNewCasesPerSenderPerHour()) {
                return hold(key, HoldReason.THROTTLED, sender + " opened " + settings.maxNewCasesPerSenderPerHour()
                        + " cases by mail within the last hour", raw, mailbox, sender, mail.subject(), now, null);
            }
            return open(mail, mailbox, origin, files, answered);
        }
    }

    private IntakeResult open(ParsedMail mail, Mailbox mailbox, MailOrigin origin, MailFiles files,
            Optional<CaseView> answered) {
        UUID caseId = UUID.randomUUID();
        String text = answered.map(old -> "Follow-up to " + old.number + " (" + old.status.label()
                + " when this mail came):\n\n").orElse("") + textOrNote(mail.text());
        OpenCase command = new OpenCase(caseId, subject(mail.subject()), shortened(text), null, Channel.EMAIL,
                mailbox.product(), mailbox.priority(), null, mailbox.groupId(), origin);
        Customer customer = cases.open(command, senderRef(mail));
        if (!files.isEmpty()) {
            cases.write(caseId, room -> customerMail(customer.id(), body("Files sent with the mail.",
                    files.leftOut(room)), files.keptWithin(room), null));
        }
        threads.remember(mail.messageId(), caseId, false);
        answered.ifPresent(old -> cases.linkFollowUp(caseId, old.id));
        String number = CaseView.<CaseView>findByIdOptional(caseId).map(view -> view.number).orElseThrow();
        return IntakeResult.onCase(answered.isPresent() ? IntakeOutcome.FOLLOW_UP : IntakeOutcome.OPENED, caseId,
                number);
    }

    /**
     * Auto-replies, list mail and bounces answer nobody and open nothing: a note on the case they concern
     * tells its people (a bounce also marks the address it bounced from as failing), and that is all. Not
     * answering them is what keeps two robots from writing to each other for ever.
     */
    private IntakeResult noteAutomatic(ParsedMail mail) {
        Instant now = clock.instant();
        Optional<CaseView> concerned;
        String note;
        if (mail.kind() == MailKind.BOUNCE) {
            String failure = excerpt(mail.text());
            mail.bouncedRecipients().forEach(address -> directory.markFailing(address, failure, now));
            // The returned mail's Message-ID is one the desk sent; failing that, the bounce's own headers or the
            // case token it repeats, for the customer whose address bounced.
            String bouncedCustomer = mail.bouncedRecipients().stream()
                    .flatMap(address -> directory.byEmail(address).stream()).map(record -> record.id)
                    .findFirst().orElse(null);
            concerned = threads.caseOf(mail.bouncedMessageId())
                    .or(() -> threads.caseAnswered(mail, bouncedCustomer));
            note = "Mail to " + String.join(", ", mail.bouncedRecipients()) + " bounced:\n\n" + failure;
        } else {
            String senderId = directory.byEmail(mail.from().address()).map(record -> record.id).orElse(null);
            concerned = threads.caseAnswered(mail, senderId);
            note = (mail.kind() == MailKind.AUTO_REPLY ? "Automatic reply" : "Bulk mail") + " from "
                    + mail.from().address() + ": " + mail.subject() + "\n\n" + excerpt(mail.text());
        }
        concerned.ifPresent(view -> cases.note(view.id, shortened(note)));
        return concerned.map(view -> IntakeResult.onCase(IntakeOutcome.RECORDED, view.id, view.number))
                .orElseGet(() -> IntakeResult.onCase(IntakeOutcome.RECORDED, null, null));
    }

    private IntakeResult hold(String key, HoldReason reason, String detail, byte[] raw, Mailbox mailbox, String sender,
            String subject, Instant now, HeldMail retrying) {
        HeldMail held = retrying != null ? retrying : new HeldMail();
        held.reason = reason;
        held.detail = detail;
        if (retrying == null) {
            held.id = UUID.randomUUID();
            held.mailKey = key;
            held.mailbox = mailbox.address();
            held.sender = sender;
            held.subject = subject;
            held.raw = raw;
            held.size = raw.length;
            held.heldAt = now;
            held.persist();
        }
        LOG.warnf("Held mail %s to %s from %s: %s", key, mailbox.address(), sender, detail);
        IntakeResult result = IntakeResult.held(held.id, detail);
        log(key, mailbox, sender == null ? "" : sender, subject == null ? "" : subject, result, now);
        return result;
    }

    /**
     * Whether the mail is new to the desk. The lock makes a second reader of the same mail wait until the
     * first commits, and then see its row.
     */
    private boolean firstTime(String key) {
        entities.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", key).getSingleResult();
        return InboundMail.findById(key) == null;
    }

    private static IntakeResult duplicate(String key) {
        InboundMail earlier = InboundMail.findById(key);
        String number = earlier.caseId == null ? null
                : CaseView.<CaseView>findByIdOptional(earlier.caseId).map(view -> view.number).orElse(null);
        return IntakeResult.onCase(IntakeOutcome.DUPLICATE, earlier.caseId, number);
    }

    private static void log(String key, Mailbox mailbox, String sender, String subject, IntakeResult result,
            Instant now) {
        InboundMail row = new InboundMail();
        row.mailKey = key;
        row.mailbox = mailbox.address();
        row.sender = sender;
        row.subject = subject;
        row.outcome = result.outcome();
        row.caseId = result.caseId();
        row.receivedAt = now;
        row.persist();
    }

    /** What the customer wrote, public on the case, with the files it brought. */
    private static MailMessage customerMail(String authorId, String body, List<NewAttachment> files, MailOrigin origin) {
        return new MailMessage(new Message(UUID.randomUUID(), authorId, AuthorRole.CUSTOMER, Visibility.PUBLIC, body,
                files.stream().map(NewAttachment::ref).toList(), origin), files);
    }

    private static CustomerRef senderRef(ParsedMail mail) {
        String name = mail.from().name();
        return new CustomerRef(null, name == null || name.isBlank() ? null : shortenedTo(name.strip(), 200),
                mail.from().address());
    }

    private static String subject(String subject) {
        String stripped = subject == null ? "" : subject.strip();
        return stripped.isEmpty() ? "(no subject)" : shortenedTo(stripped, MAX_SUBJECT);
    }

    /** The mail's new text, and what the desk did not keep of what it brought. */
    private static String body(String text, List<String> leftOut) {
        String body = textOrNote(text);
        if (!leftOut.isEmpty()) {
            body += "\n\nNot kept from this mail: " + String.join("; ", leftOut) + ".";
        }
        return shortened(body);
    }

    private static String textOrNote(String text) {
        return text == null || text.isBlank() ? "(The mail had no text.)" : text.strip();
    }

    private static String excerpt(String text) {
        return text == null ? "" : shortenedTo(text.strip(), NOTE_EXCERPT);
    }

    /** Messages hold at most 20,000 characters; the whole mail stays in its original.eml. */
    private static String shortened(String text) {
        return text.length() <= MAX_TEXT ? text
                : shortenedTo(text, MAX_TEXT - 80) + "\n\n[Shortened: the whole mail is in original.eml.]";
    }

    /** At most {@code max} characters, never cutting a character that takes two (an emoji, rare CJK). */
    private static String shortenedTo(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }

}
