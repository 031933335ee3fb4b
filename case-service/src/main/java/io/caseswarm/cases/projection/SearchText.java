package io.caseswarm.cases.projection;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The form of text that case search stores and queries: lower-case, without diacritics, so that a
 * query typed without them ("hoa don", "kalimera") finds the words written with them ("hóa đơn",
 * "Καλημέρα"), in every script alike.
 */
public final class SearchText {

    /** A case's searchable text stops growing here; PostgreSQL's tsvector holds at most 1 MB. */
    static final int MAX_CHARS = 200_000;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {
    }

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        // Đ/đ (Vietnamese) and a few letters do not decompose into a base letter and a mark.
        return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D').toLowerCase();
    }

    /** {@code existing} with {@code more} folded and appended, as long as it stays within the limit. */
    static String append(String existing, String more) {
        String joined = existing.isEmpty() ? fold(more) : existing + " " + fold(more);
        return joined.length() > MAX_CHARS ? existing : joined;
    }
}
