package io.caseswarm.cases.mail;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;

/**
 * Decides whether a mail was written by a person or by a machine. A machine's mail must never open a case or be
 * answered: an answer to an out-of-office reply or to a bounce starts a mail loop.
 */
final class MailKinds {

    private static final Pattern DAEMON = Pattern.compile("^(mailer-daemon|postmaster)@.*");
    private static final Pattern DELIVERY_FAILURE = Pattern.compile(
            "undeliver|not delivered|could not be delivered|delivery (status notification|failure|has failed)"
                    + "|returned mail|failure notice|mail delivery (failed|failure|system|subsystem)|unzustellbar"
                    + "|non recapitabile|mancato recapito|non remis|αδυναμία παράδοσης|δεν παραδόθηκε",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * Subject prefixes that Exchange and Gmail put on automatic replies. The English ones, and the localised
     * Exchange ones of the languages we serve, as Exchange translates the prefix into the mailbox's language.
     */
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
            "^\\s*(automatic reply|auto|out of office|autoreply|auto-reply|automatische antwort|risposta automatica"
                    + "|réponse automatique|αυτόματη απάντηση)\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BULK_PRECEDENCE = Pattern.compile("^\\s*(bulk|junk|list)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTO_REPLY_PRECEDENCE = Pattern.compile("^\\s*auto_reply\\b.*", Pattern.CASE_INSENSITIVE);

    private MailKinds() {
    }

    /**
     * @param mail the message's headers
     * @param hasDeliveryStatus whether its MIME tree holds a message/delivery-status part (RFC 3464)
     */
    static MailKind of(Part mail, MailAddress from, String subject, boolean hasDeliveryStatus) throws MessagingException {
        if (hasDeliveryStatus || isDeliveryReport(mail)
                || DAEMON.matcher(from.address()).matches() && DELIVERY_FAILURE.matcher(subject).find()) {
            return MailKind.BOUNCE; // first: bounces carry Auto-Submitted too
        }
        if (isAutoReply(mail, subject)) {
            return MailKind.AUTO_REPLY; // before bulk: vacation responders often say Precedence: bulk as well
        }
        String precedence = header(mail, "Precedence");
        if (precedence != null && BULK_PRECEDENCE.matcher(precedence).matches()
                || header(mail, "List-Id") != null || header(mail, "List-Unsubscribe") != null) {
            return MailKind.BULK;
        }
        return MailKind.ORDINARY;
    }

    /**
     * RFC 3834's Auto-Submitted (anything but "no"), the X-Autoreply/X-Autorespond headers of older responders,
     * Precedence: auto_reply, or an automatic-reply subject prefix. X-Auto-Response-Suppress is not a sign: Outlook
     * puts it on ordinary mails too.
     */
    private static boolean isAutoReply(Part mail, String subject) throws MessagingException {
        String autoSubmitted = header(mail, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.split(";")[0].trim().equalsIgnoreCase("no")) {
            return true;
        }
        String precedence = header(mail, "Precedence");
        return header(mail, "X-Autoreply") != null || header(mail, "X-Autorespond") != null
                || precedence != null && AUTO_REPLY_PRECEDENCE.matcher(precedence).matches()
                || AUTO_REPLY_SUBJECT.matcher(subject).find();
    }

    private static boolean isDeliveryReport(Part mail) throws MessagingException {
        String type = mail.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).replaceAll("\\s", "").startsWith("multipart/report")
                && type.toLowerCase(Locale.ROOT).replaceAll("[\\s\"]", "").contains("report-type=delivery-status");
    }

    private static String header(Part mail, String name) throws MessagingException {
        String[] values = mail.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
