package io.caseswarm.notifications;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

import io.caseswarm.testing.MailServer.ReceivedMail;

/** The headers of a received mail, read off its text as a mail client reads them. */
public final class MailHeaders {

    private final InternetHeaders headers;

    private MailHeaders(InternetHeaders headers) {
        this.headers = headers;
    }

    public static MailHeaders of(ReceivedMail mail) {
        try {
            return new MailHeaders(new InternetHeaders(new ByteArrayInputStream(mail.text().getBytes(UTF_8))));
        } catch (MessagingException e) {
            throw new IllegalStateException("Not a mail: " + mail.text(), e);
        }
    }

    /** The header's value, unfolded and as it was written (RFC 2047 words not decoded); null when absent. */
    public String raw(String name) {
        String[] values = headers.getHeader(name);
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            throw new AssertionError("More than one " + name + ": " + Arrays.toString(values));
        }
        return MimeUtility.unfold(values[0]).strip();
    }

    /** The Message-IDs a header lists (Message-ID, In-Reply-To, References), without angle brackets. */
    public List<String> messageIds(String name) {
        String value = raw(name);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("\\s+")).map(id -> {
            if (!id.startsWith("<") || !id.endsWith(">")) {
                throw new AssertionError(name + " holds " + id + ", not a <msg-id>");
            }
            return id.substring(1, id.length() - 1);
        }).toList();
    }

    /**
     * The header with RFC 2047 words decoded, as a mail client shows it. Only for B-encoded words: the
     * received text has quoted-printable undone throughout (see {@link ReceivedMail}), which garbles
     * Q-encoded words and joins a line ending in {@code ?=} to the next.
     */
    public String decoded(String name) {
        try {
            return MimeUtility.decodeText(raw(name));
        } catch (UnsupportedEncodingException e) {
            throw new AssertionError(e);
        }
    }
}
