package io.caseswarm.cases.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads an inbound mail as the bytes the mail server delivered into a {@link ParsedMail}. Holds no state: a bean
 * for the intake, and just as usable with {@code new MailParser()}.
 */
@ApplicationScoped
public class MailParser {

    /** Lenient everywhere real mail is sloppy; RFC 2047 in file names is decoded by {@link EncodedWords}. */
    private static final Session SESSION = Session.getInstance(leniency());

    private static Properties leniency() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "false");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        properties.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        properties.setProperty("mail.mime.ignoreunknownencoding", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        return properties;
    }

    /**
     * @throws UnreadableMailException when the bytes are no mail from anyone: empty, no From address with an
     *         {@code @}, or a structure that cannot be read
     */
    public ParsedMail parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new UnreadableMailException("The mail is empty");
        }
        try {
            return read(raw);
        } catch (UnreadableMailException unreadable) {
            throw unreadable;
        } catch (MessagingException | IOException | RuntimeException broken) {
            throw new UnreadableMailException("The mail's structure cannot be read: " + broken.getMessage(), broken);
        }
    }

    private static ParsedMail read(byte[] raw) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        MailAddress from = Addresses.author(HeaderValues.first(message, "From"))
                .orElseThrow(() -> new UnreadableMailException("The mail has no usable From address"));
        String subject = HeaderValues.decoded(message, "Subject");
        List<String> to = new ArrayList<>(Addresses.all(HeaderValues.joined(message, "To")));
        Addresses.all(HeaderValues.joined(message, "Cc")).stream().filter(cc -> !to.contains(cc)).forEach(to::add);

        MimeContent content = MimeContent.of(message, SESSION, MailSubjects.isForward(subject));
        MailKind kind = MailKinds.of(message, from, subject, content.hasDeliveryStatus());
        boolean bounce = kind == MailKind.BOUNCE;
        return new ParsedMail(
                MessageIds.of(HeaderValues.first(message, "Message-ID")).stream().findFirst().orElse(null),
                MessageIds.of(HeaderValues.joined(message, "In-Reply-To")),
                MessageIds.of(HeaderValues.joined(message, "References")),
                from, to, subject, sentAt(message),
                content.text(), content.fullText(), content.parts(), kind,
                bounce ? content.bouncedRecipients() : List.of(), bounce ? content.bouncedMessageId() : null,
                sha256(raw));
    }

    private static Instant sentAt(MimeMessage message) {
        try {
            Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException unreadableDate) {
            return null;
        }
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}
