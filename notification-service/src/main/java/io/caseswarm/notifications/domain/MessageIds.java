package io.caseswarm.notifications.domain;

import java.util.regex.Pattern;

/**
 * Message-IDs as the events carry them: without the angle brackets that enclose them in a mail's
 * headers ({@code msg-id = "<" id-left "@" id-right ">"}, RFC 5322 §3.6.4).
 */
public final class MessageIds {

    /**
     * Printable ASCII around one {@code @}, and short enough for a References header of ten. Whatever
     * else a customer's mail client sent (a space, a line break that would start a header of its own)
     * cannot be written into our headers, so it stays out of the thread.
     */
    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7E&&[^<>@]]+@[\\x21-\\x7E&&[^<>@]]+");
    private static final int MAX_LENGTH = 250;

    private MessageIds() {
    }

    public static boolean isWellFormed(String messageId) {
        return messageId != null && messageId.length() <= MAX_LENGTH && WELL_FORMED.matcher(messageId).matches();
    }

    /** As a header writes it. */
    public static String inBrackets(String messageId) {
        return "<" + messageId + ">";
    }
}
