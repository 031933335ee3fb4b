package io.caseswarm.cases.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;

/** Raw and decoded header values of a message or part. */
final class HeaderValues {

    private HeaderValues() {
    }

    /** The first value of a header as it stands in the mail (folded, encoded), or null. */
    static String first(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** All values of a header joined with commas (a mail may carry several To or Cc headers), or null. */
    static String joined(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : String.join(",", values);
    }

    /** The decoded first value, trimmed, or "" when absent. */
    static String decoded(Part part, String name) throws MessagingException {
        String raw = first(part, name);
        return raw == null ? "" : EncodedWords.decode(raw).strip();
    }
}
