package io.caseswarm.cases.mail;

import java.time.Instant;
import java.util.List;

/**
 * What an inbound mail says, read once by {@link MailParser} so that the intake never touches MIME.
 *
 * @param messageId the Message-ID without angle brackets, or null when the mail has none
 * @param inReplyTo In-Reply-To ids without angle brackets
 * @param references References ids without angle brackets, in header order (oldest first)
 * @param from the author
 * @param to the To and Cc addresses, lower-cased, each once
 * @param subject decoded, "" when absent
 * @param sentAt the Date header, null when missing or unreadable
 * @param text only what the author wrote this time: quoted history and signature removed
 * @param fullText everything readable in the mail, forwarded messages included
 * @param parts attachments, inline images and forwarded messages
 * @param kind ordinary, automatic reply, bulk or bounce
 * @param bouncedRecipients for a bounce, the addresses that could not be reached; empty otherwise
 * @param bouncedMessageId for a bounce, the Message-ID of the mail that came back, or null
 * @param digest lowercase hex SHA-256 of the raw bytes
 */
public record ParsedMail(String messageId, List<String> inReplyTo, List<String> references,
        MailAddress from, List<String> to, String subject, Instant sentAt,
        String text, String fullText, List<MailPart> parts, MailKind kind,
        List<String> bouncedRecipients, String bouncedMessageId, String digest) {

    public ParsedMail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        to = List.copyOf(to);
        parts = List.copyOf(parts);
        bouncedRecipients = List.copyOf(bouncedRecipients);
    }
}
