package io.caseswarm.cases.automation;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Texts rules write (replies, notices, questions, posts) with placeholders filled in from the case:
 * {@code {{case.number}}}, {@code {{case.subject}}}, {@code {{case.status}}}, {@code {{case.priority}}},
 * {@code {{case.product}}}, {@code {{customer.name}}}, {@code {{owner.id}}}. A placeholder the case has no
 * value for is left empty; one that is none of these is refused when the rule is saved.
 */
public final class Templates {

    /** Each placeholder and the {@link CaseFacts} value it shows. */
    static final Map<String, String> PLACEHOLDERS = Map.of(
            "case.number", CaseFacts.NUMBER,
            "case.subject", CaseFacts.SUBJECT,
            "case.status", RuleField.STATUS,
            "case.priority", RuleField.PRIORITY,
            "case.product", RuleField.PRODUCT,
            "customer.name", CaseFacts.CUSTOMER_NAME,
            "owner.id", RuleField.OWNER_ID);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private Templates() {
    }

    /** The first placeholder in {@code template} that is not one of ours, if any. */
    public static Optional<String> unknownPlaceholder(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!PLACEHOLDERS.containsKey(matcher.group(1))) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    public static String fill(String template, CaseFacts facts) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String key = PLACEHOLDERS.get(matcher.group(1));
            String value = key == null ? matcher.group() : facts.text(key);
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
