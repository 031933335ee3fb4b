package io.caseswarm.cases.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

/** Reads the machine part of an RFC 3464 delivery report: who could not be reached, and which mail came back. */
final class DeliveryReports {

    private DeliveryReports() {
    }

    /**
     * The recipients of a message/delivery-status body whose delivery failed, from Final-Recipient and
     * Original-Recipient ("rfc822;" dropped, lower-cased). A recipient whose Action is "delayed", "delivered" or
     * "relayed" is no bounce and is left out; one without an Action counts as failed.
     */
    static List<String> failedRecipients(byte[] deliveryStatus) {
        List<String> failed = new ArrayList<>();
        String text = PlainText.lineEndsNormalized(new String(deliveryStatus, StandardCharsets.UTF_8));
        String[] blocks = text.split("\n\\s*\n");
        for (int i = 1; i < blocks.length; i++) { // the first block is about the message, the others each a recipient
            Map<String, String> fields = fields(blocks[i]);
            String action = fields.getOrDefault("action", "failed").trim().toLowerCase(Locale.ROOT);
            if (!action.startsWith("failed")) {
                continue;
            }
            for (String field : List.of("final-recipient", "original-recipient")) {
                String address = address(fields.get(field));
                if (address != null && !failed.contains(address)) {
                    failed.add(address);
                }
            }
        }
        return failed;
    }

    /** The Message-ID in a block of returned headers (text/rfc822-headers), without brackets, or null. */
    static String messageId(byte[] returnedHeaders) {
        try {
            String[] values = new InternetHeaders(new ByteArrayInputStream(returnedHeaders)).getHeader("Message-ID");
            return values == null ? null : MessageIds.of(values[0]).stream().findFirst().orElse(null);
        } catch (MessagingException unreadable) {
            return null;
        }
    }

    private static Map<String, String> fields(String block) {
        Map<String, String> fields = new HashMap<>();
        for (String line : MimeUtility.unfold(block.replace("\n", "\r\n")).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1));
            }
        }
        return fields;
    }

    /** "rfc822; Someone@Example.com" → "someone@example.com"; other address types are not mail addresses. */
    private static String address(String field) {
        if (field == null) {
            return null;
        }
        int semicolon = field.indexOf(';');
        String type = semicolon < 0 ? "rfc822" : field.substring(0, semicolon).trim();
        String address = field.substring(semicolon + 1).trim().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
        return type.equalsIgnoreCase("rfc822") && address.contains("@") ? address : null;
    }
}
