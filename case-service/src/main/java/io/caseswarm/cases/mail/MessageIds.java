package io.caseswarm.cases.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Message-ID, In-Reply-To and References, which real clients fill with everything from clean ids to junk. */
final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>]*)>");

    private MessageIds() {
    }

    /**
     * The ids of a header in order, without angle brackets: what stands between {@code < >}, or, when the header
     * has no brackets at all (some mailers write bare ids), each whitespace- or comma-separated token.
     */
    static List<String> of(String rawHeader) {
        List<String> ids = new ArrayList<>();
        if (rawHeader == null) {
            return ids;
        }
        Matcher bracketed = BRACKETED.matcher(rawHeader);
        while (bracketed.find()) {
            add(ids, bracketed.group(1));
        }
        if (ids.isEmpty()) {
            for (String token : rawHeader.split("[\\s,]+")) {
                add(ids, token.replace("<", "").replace(">", ""));
            }
        }
        return ids;
    }

    private static void add(List<String> ids, String id) {
        String trimmed = id.trim();
        if (!trimmed.isEmpty() && !ids.contains(trimmed)) {
            ids.add(trimmed);
        }
    }
}
