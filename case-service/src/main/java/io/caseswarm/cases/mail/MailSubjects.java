package io.caseswarm.cases.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a subject line tells about the thread: the case it belongs to, and the topic without Re:/Fwd: clutter. */
public final class MailSubjects {

    private static final Pattern CASE_TOKEN = Pattern.compile("\\[(CS-\\d{6,})\\]", Pattern.CASE_INSENSITIVE);
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /**
     * Reply and forward prefixes as clients write them: English, German (AW/WG), Italian (R/I/Rif), French (TR),
     * Greek (Απ/Σχετ/ΠΡΘ), Persian, Vietnamese, Nordic, Dutch, Russian; with Outlook's counters ("Re[2]:") and a
     * space or a full-width colon before the colon's place.
     */
    private static final String PREFIX_WORDS = "re|fwd?|aw|wg|r|i|rif|tr|sv|vs|antw|doorst|odp|απ|σχετ|πρθ|ответ"
            + "|пересл|پاسخ|هدایت|trả lời|tl|chuyển tiếp|ct";
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(" + PREFIX_WORDS + ")\\s*(\\[\\d+]|\\(\\d+\\))?\\s*[:：]\\s*", FLAGS);
    private static final Pattern FORWARD_PREFIX = Pattern.compile(
            "^\\s*(fwd?|wg|i|tr|doorst|πρθ|пересл|هدایت|chuyển tiếp|ct)\\s*(\\[\\d+]|\\(\\d+\\))?\\s*[:：]", FLAGS);

    private MailSubjects() {
    }

    /** The case a subject names, as {@code CS-001234}, from a token like {@code [cs-001234]} anywhere in it. */
    public static Optional<String> caseNumber(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher token = CASE_TOKEN.matcher(subject);
        return token.find() ? Optional.of(token.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * The subject without any number of leading reply and forward prefixes, also those that follow a leading case
     * token ("Re: [CS-001234] AW: Drucker" becomes "[CS-001234] Drucker").
     */
    public static String withoutReplyPrefixes(String subject) {
        if (subject == null) {
            return "";
        }
        String rest = stripPrefixes(subject);
        Matcher token = CASE_TOKEN.matcher(rest);
        if (token.lookingAt()) {
            String after = stripPrefixes(rest.substring(token.end()));
            return after.isEmpty() ? token.group() : token.group() + " " + after;
        }
        return rest;
    }

    /** True when the subject says the mail forwards another one, whose quoted text is then the content. */
    public static boolean isForward(String subject) {
        return subject != null && FORWARD_PREFIX.matcher(subject).find();
    }

    private static String stripPrefixes(String subject) {
        String rest = subject.strip();
        for (Matcher prefix = PREFIX.matcher(rest); prefix.lookingAt(); prefix = PREFIX.matcher(rest)) {
            rest = rest.substring(prefix.end()).strip();
        }
        return rest;
    }
}
