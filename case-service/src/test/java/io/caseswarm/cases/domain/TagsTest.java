package io.caseswarm.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void tagsOfAnyScriptAreKeptOnceWhateverTheirCaseAndTheFirstSpellingWins() {
        assertThat(Tags.normalized(List.of("Billing", "billing", "BILLING", "τιμολόγιο", "ΤΙΜΟΛΌΓΙΟ", "صورتحساب",
                "hóa đơn", "HÓA ĐƠN"))).containsExactly("Billing", "τιμολόγιο", "صورتحساب", "hóa đơn");
    }

    @Test
    void aDecomposedTagIsStoredComposedAndIsTheSameTagAsItsComposedForm() {
        String decomposed = Normalizer.normalize("hóa đơn", Normalizer.Form.NFD);

        assertThat(Tags.normalized(List.of(decomposed, "hóa đơn"))).containsExactly("hóa đơn")
                .allMatch(tag -> Normalizer.isNormalized(tag, Normalizer.Form.NFC));
    }

    @Test
    void trailingSpacesAreDroppedAndNoTagsIsTheEmptyList() {
        assertThat(Tags.normalized(List.of("vip  ", "vip"))).containsExactly("vip");
        assertThat(Tags.normalized(null)).isEmpty();
        assertThat(Tags.normalized(List.of())).isEmpty();
    }
}
