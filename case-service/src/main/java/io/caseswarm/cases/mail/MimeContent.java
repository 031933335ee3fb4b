package io.caseswarm.cases.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.ParseException;

/**
 * Walks the MIME tree of one message and collects its readable text, its files, and what a delivery report in it
 * says.
 *
 * <p>Which text is read: of a multipart/alternative the text/plain version (the sender's own words, no markup),
 * the HTML one when the plain one is missing or empty; of a multipart/related its root; of anything else every
 * text part that is not an attachment, in order. Files are collected from every branch, also from the alternative
 * that was not read, so that inline images of the HTML version reach the case.
 *
 * <p>A forwarded mail (message/rfc822) is kept as a file named after its subject with ".eml", and its full text is
 * added to both {@code text} and {@code fullText}, after a line {@value #FORWARDED} and its From, Date, Subject and
 * To: the forwarded problem is usually the very thing the case is about, so it must be readable on the case without
 * opening a file. Its own attachments stay inside the .eml. Inside a delivery report the returned mail is only
 * kept as a file and read for its Message-ID: it is our own mail, not something the customer wrote.
 */
final class MimeContent {

    static final String FORWARDED = "---------- Forwarded message ----------";
    private static final int MAX_DEPTH = 20;
    private static final Pattern TYPE = Pattern.compile("^\\s*([\\w.+-]+/[\\w.+-]+)");

    private final Session session;
    /** Set for forwards: the quoted mail is the content, so nothing is stripped as history. */
    private final boolean keepHistory;
    private final List<String> fullTexts = new ArrayList<>();
    private final List<String> newTexts = new ArrayList<>();
    private final List<MailPart> parts = new ArrayList<>();
    private final List<String> bouncedRecipients = new ArrayList<>();
    private String bouncedMessageId;
    private boolean deliveryStatus;

    private MimeContent(Session session, boolean keepHistory) {
        this.session = session;
        this.keepHistory = keepHistory;
    }

    static MimeContent of(MimeMessage message, Session session, boolean keepHistory)
            throws MessagingException, IOException {
        MimeContent content = new MimeContent(session, keepHistory);
        content.walk(message, 0, Scope.BODY);
        return content;
    }

    String fullText() {
        return PlainText.tidy(String.join("\n\n", fullTexts));
    }

    /** The new text; the full text when stripping history and signature left nothing. */
    String text() {
        String text = PlainText.tidy(String.join("\n\n", newTexts));
        return text.isEmpty() ? fullText() : text;
    }

    List<MailPart> parts() {
        return parts;
    }

    boolean hasDeliveryStatus() {
        return deliveryStatus;
    }

    List<String> bouncedRecipients() {
        return bouncedRecipients;
    }

    String bouncedMessageId() {
        return bouncedMessageId;
    }

    /** What to collect in a branch of the tree. */
    private record Scope(boolean text, boolean report) {
        static final Scope BODY = new Scope(true, false);

        Scope filesOnly() {
            return new Scope(false, report);
        }

        Scope inReport() {
            return new Scope(text, true);
        }
    }

    private void walk(Part part, int depth, Scope scope) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new UnreadableMailException("MIME parts are nested deeper than " + MAX_DEPTH);
        }
        String type = baseType(part);
        if (type.startsWith("multipart/")) {
            multipart(part, type.substring("multipart/".length()), depth, scope);
            return;
        }
        switch (type) {
            case "message/rfc822" -> message(part, depth, scope);
            case "message/delivery-status" -> {
                deliveryStatus = true;
                bouncedRecipients.addAll(DeliveryReports.failedRecipients(bytes(part)));
            }
            case "text/rfc822-headers" -> {
                if (bouncedMessageId == null) {
                    bouncedMessageId = DeliveryReports.messageId(bytes(part));
                }
            }
            // The signature of a signed mail proves nothing to a case worker; it would only clutter the files.
            case "application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature" -> {
            }
            default -> {
                if (isBodyText(part, type)) {
                    if (scope.text()) {
                        text(part, type);
                    }
                } else {
                    file(part, type);
                }
            }
        }
    }

    private void multipart(Part part, String subtype, int depth, Scope scope) throws MessagingException, IOException {
        // Built from the part's bytes rather than getContent(), which depends on mailcap lookups in the class path.
        MimeMultipart multipart = new MimeMultipart(new MimePartDataSource((MimePart) part));
        List<BodyPart> children = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            children.add(multipart.getBodyPart(i));
        }
        int read = switch (subtype) {
            case "alternative" -> scope.text() ? preferredAlternative(children) : -1;
            case "related" -> root(children, part);
            default -> Integer.MAX_VALUE; // every child
        };
        Scope childScope = subtype.equals("report") ? scope.inReport() : scope;
        for (int i = 0; i < children.size(); i++) {
            boolean readThis = read == Integer.MAX_VALUE || read == i;
            walk(children.get(i), depth + 1, readThis ? childScope : childScope.filesOnly());
        }
    }

    private int preferredAlternative(List<BodyPart> children) throws MessagingException, IOException {
        int html = -1;
        int nested = -1;
        for (int i = 0; i < children.size(); i++) {
            String type = baseType(children.get(i));
            if (type.equals("text/plain") && !decoded(children.get(i)).isBlank()) {
                return i;
            }
            if (type.equals("text/html") && html < 0) {
                html = i;
            }
            if (type.startsWith("multipart/")) {
                nested = i;
            }
        }
        return html >= 0 ? html : Math.max(nested, 0);
    }

    /** The root of a multipart/related: the part its start parameter names, else the first. */
    private static int root(List<BodyPart> children, Part related) throws MessagingException {
        String start = parameter(related, "start");
        if (start != null) {
            String id = start.replaceAll("[<>]", "").trim();
            for (int i = 0; i < children.size(); i++) {
                if (id.equals(contentId(children.get(i)))) {
                    return i;
                }
            }
        }
        return 0;
    }

    private static boolean isBodyText(Part part, String type) throws MessagingException {
        return (type.equals("text/plain") || type.equals("text/html"))
                && !Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) && fileName(part) == null;
    }

    private void text(Part part, String type) throws MessagingException, IOException {
        String decoded = decoded(part);
        String full;
        String fresh;
        if (type.equals("text/html")) {
            full = HtmlText.readable(decoded);
            fresh = keepHistory ? full : HtmlText.withoutHistory(decoded);
        } else {
            if ("flowed".equalsIgnoreCase(parameter(part, "format"))) {
                decoded = FlowedText.unflow(decoded, "yes".equalsIgnoreCase(parameter(part, "delsp")));
            }
            full = PlainText.tidy(decoded);
            fresh = full;
        }
        fullTexts.add(full);
        newTexts.add(keepHistory ? full : Signatures.strip(QuotedHistory.strip(fresh)));
    }

    private void message(Part part, int depth, Scope scope) throws MessagingException, IOException {
        byte[] bytes = bytes(part);
        MimeMessage forwarded = new MimeMessage(session, new ByteArrayInputStream(bytes));
        String subject = HeaderValues.decoded(forwarded, "Subject");
        String name = Optional.ofNullable(fileName(part))
                .orElseGet(() -> FileNames.ofForwardedMail(subject, parts.size() + 1));
        parts.add(new MailPart(name, "message/rfc822", bytes, isInline(part), contentId(part)));
        if (scope.report()) {
            if (bouncedMessageId == null) {
                bouncedMessageId = MessageIds.of(HeaderValues.first(forwarded, "Message-ID")).stream()
                        .findFirst().orElse(null);
            }
            return;
        }
        if (!scope.text()) {
            return;
        }
        MimeContent inner = new MimeContent(session, true);
        inner.walk(forwarded, depth + 1, Scope.BODY);
        StringBuilder block = new StringBuilder(FORWARDED).append('\n');
        for (String header : List.of("From", "Date", "Subject", "To")) {
            String value = HeaderValues.decoded(forwarded, header);
            if (!value.isEmpty()) {
                block.append(header).append(": ").append(value).append('\n');
            }
        }
        block.append('\n').append(inner.fullText());
        fullTexts.add(block.toString());
        newTexts.add(block.toString());
    }

    private void file(Part part, String type) throws MessagingException, IOException {
        String name = Optional.ofNullable(fileName(part)).orElseGet(() -> FileNames.madeUp(type, parts.size() + 1));
        parts.add(new MailPart(name, type, bytes(part), isInline(part), contentId(part)));
    }

    private static String decoded(Part part) throws MessagingException, IOException {
        return TextCharsets.decode(bytes(part), parameter(part, "charset"));
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String baseType(Part part) throws MessagingException {
        String header = part.getContentType();
        if (header == null) {
            return "text/plain";
        }
        try {
            return new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException malformed) {
            Matcher type = TYPE.matcher(header);
            return type.find() ? type.group(1).toLowerCase(Locale.ROOT) : "application/octet-stream";
        }
    }

    private static String parameter(Part part, String name) throws MessagingException {
        try {
            String header = part.getContentType();
            return header == null ? null : new ContentType(header).getParameter(name);
        } catch (ParseException malformed) {
            return null;
        }
    }

    private static String fileName(Part part) {
        try {
            return FileNames.cleaned(EncodedWords.decode(part.getFileName()));
        } catch (MessagingException malformed) {
            return null;
        }
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException malformed) {
            return null;
        }
    }

    private static boolean isInline(Part part) throws MessagingException {
        String disposition = disposition(part);
        return disposition == null ? contentId(part) != null : disposition.equalsIgnoreCase(Part.INLINE);
    }

    private static String contentId(Part part) throws MessagingException {
        return MessageIds.of(HeaderValues.first(part, "Content-ID")).stream().findFirst().orElse(null);
    }
}
