package io.caseswarm.experts.domain;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a text, as case texts are compared: lower-case, accents and tone marks taken off (Italian
 * "perché", Vietnamese "không", Greek "λογαριασμός" match however they were typed), Greek final sigma and Persian's
 * Arabic letter forms made one, split at anything that is not a letter or digit. One-letter words say nothing.
 */
public final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Words() {
    }

    public static Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace('ς', 'σ')
                .replace('đ', 'd')
                .replace('ي', 'ی')
                .replace('ك', 'ک');
        for (String word : SEPARATORS.split(plain)) {
            if (word.codePointCount(0, word.length()) > 1) {
                words.add(word);
            }
        }
        return words;
    }
}
