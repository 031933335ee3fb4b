package io.caseswarm.notifications.service;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import io.caseswarm.notifications.config.MailConfig;
import io.caseswarm.notifications.domain.MessageIds;

/** Hands a plain-text mail to the SMTP server, synchronously: when it returns, the server has the mail. */
@ApplicationScoped
public class EmailSender {

    private final Session session;
    private final InternetAddress from;
    private final String messageIdDomain;

    EmailSender(MailConfig config) throws MessagingException {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", config.host());
        smtp.put("mail.smtp.port", String.valueOf(config.port()));
        smtp.put("mail.smtp.localhost", config.greetingName());
        String timeout = String.valueOf(config.timeout().toMillis());
        smtp.put("mail.smtp.connectiontimeout", timeout);
        smtp.put("mail.smtp.timeout", timeout);
        smtp.put("mail.smtp.writetimeout", timeout);
        this.session = Session.getInstance(smtp);
        this.from = address(config.from(), null);
        this.messageIdDomain = config.messageIdDomain()
                .orElseGet(() -> from.getAddress().substring(from.getAddress().indexOf('@') + 1));
    }

    /**
     * Derived from the notification's id, so a mail sent again is recognisably the same; without angle
     * brackets, as the events carry it.
     */
    public String messageIdFor(UUID notificationId) {
        return notificationId + "@" + messageIdDomain;
    }

    public void send(OutgoingMail mail) throws MessagingException {
        String messageId = MessageIds.inBrackets(mail.messageId());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, address(mail.to(), mail.toName()));
        if (mail.threading().replyTo() != null) {
            message.setReplyTo(new InternetAddress[] {address(mail.threading().replyTo(), null)});
        }
        // Encoded as RFC 2047 words when not ASCII, and folded.
        message.setSubject(mail.subject(), UTF_8.name());
        thread(message, mail.threading());
        if (mail.autoReply()) {
            // RFC 3834; and its Microsoft counterpart, which Exchange's out-of-office replies heed.
            message.setHeader("Auto-Submitted", "auto-replied");
            message.setHeader("X-Auto-Response-Suppress", "All");
        }
        message.setText(mail.text(), UTF_8.name());
        Transport.send(message);
    }

    /** In-Reply-To and References (RFC 5322 §3.6.4), by which mail clients show the case as one thread. */
    private static void thread(MimeMessage message, MailThreading threading) throws MessagingException {
        if (threading.inReplyTo().isPresent()) {
            message.setHeader("In-Reply-To", MessageIds.inBrackets(threading.inReplyTo().get()));
        }
        List<String> references = threading.references();
        if (!references.isEmpty()) {
            String ids = String.join(" ", references.stream().map(MessageIds::inBrackets).toList());
            // Ten ids outgrow a line; folded between them, as the header may be.
            message.setHeader("References", MimeUtility.fold("References: ".length(), ids));
        }
    }

    /**
     * An address with its display name ({@code name}, else the one written in {@code address}), which
     * Jakarta Mail writes as RFC 2047 words in UTF-8 when it is not ASCII: customers' names are in Vietnamese,
     * Persian, Greek, Italian.
     */
    private static InternetAddress address(String address, String name) throws AddressException {
        InternetAddress parsed = new InternetAddress(address);
        try {
            return new InternetAddress(parsed.getAddress(), name != null ? name : parsed.getPersonal(), UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("Every Java runtime has UTF-8", e);
        }
    }
}
