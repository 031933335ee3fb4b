package io.caseswarm.cases.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rule for a case's tags: letters and digits of any script (a Vietnamese, Greek or Persian desk
 * tags in its own language), at most {@value #MAX} on a case. Tags are compared in Unicode's composed
 * form (NFC), so that "hóa đơn" typed on one keyboard and decomposed by another is one tag, and without
 * regard to case, so that "Billing" and "billing" are one tag too: the first spelling is kept.
 */
public final class Tags {

    public static final String PATTERN = "^[\\p{L}\\p{N}][\\p{L}\\p{N}_ .-]{0,39}$";
    public static final String MESSAGE =
            "must be a tag: 1 to 40 letters, digits, spaces, '_', '.' or '-', starting with a letter or digit";
    public static final int MAX = 20;

    private Tags() {
    }

    /** In composed form, without trailing spaces, each tag once; none for null. */
    public static List<String> normalized(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String tag : tags) {
            String composed = composed(tag).strip();
            if (seen.add(composed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT))) {
                kept.add(composed);
            }
        }
        return List.copyOf(kept);
    }

    public static String composed(String tag) {
        return Normalizer.normalize(tag, Normalizer.Form.NFC);
    }
}
