package io.caseswarm.notifications.service;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.caseswarm.notifications.config.MailConfig;

/** Hands a plain-text mail to the SMTP server, synchronously: when it returns, the server has the mail. */
@ApplicationScoped
public class EmailSender {

    private final Session session;
    private final InternetAddress from;

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
        this.from = new InternetAddress(config.from());
    }

    /** {@code notificationId} becomes the mail's Message-ID, so a mail sent again is recognisably the same. */
    public void send(UUID notificationId, String to, String subject, String text) throws MessagingException {
        String messageId = "<" + notificationId + "@" + from.getAddress().substring(from.getAddress().indexOf('@') + 1) + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, UTF_8.name());
        message.setText(text, UTF_8.name());
        Transport.send(message);
    }
}
