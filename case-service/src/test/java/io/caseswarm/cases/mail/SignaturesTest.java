package io.caseswarm.cases.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void theDelimiterLineAndEverythingUnderItGo() {
        assertThat(Signatures.strip("Please call me.\n\n-- \nJan Novák\n+420 123 456 789\n")).isEqualTo("Please call me.");
        assertThat(Signatures.strip("Please call me.\n--\nJan")).isEqualTo("Please call me.");
    }

    @Test
    void dashesInsideTheTextAreNoDelimiter() {
        String text = "Steps:\n-- open the portal\n---\nthen log in -- twice";

        assertThat(Signatures.strip(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sent from my iPhone", "Sent from my Android phone", "Inviato da iPhone",
            "Εστάλη από το iPhone μου", "Von meinem iPhone gesendet", "Get Outlook for Android",
            "Envoyé de mon iPhone", "Gửi từ iPhone của tôi"})
    void aPhonesFooterAtTheEndGoes(String footer) {
        assertThat(Signatures.strip("It works now.\n\n" + footer + "\n")).isEqualTo("It works now.");
    }

    @Test
    void aPhonesWordsInTheMiddleOfTheTextStay() {
        String text = "Sent from my iPhone the app crashes.\nOn the desktop it works.";

        assertThat(Signatures.strip(text)).isEqualTo(text);
    }
}
