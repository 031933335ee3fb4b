package io.caseswarm.cases.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QuotedHistoryTest {

    private static final String ANSWER = "The invoice is still wrong.";

    @ParameterizedTest
    @ValueSource(strings = {
            "On Tue, Mar 4, 2025 at 10:12 AM Support <support@caseswarm.example> wrote:",
            "Am 04.03.2025 um 10:12 schrieb Support <support@caseswarm.example>:",
            "Le mar. 4 mars 2025 à 10:12, Support <support@caseswarm.example> a écrit :",
            "Il giorno mar 4 mar 2025 alle ore 10:12 Support <support@caseswarm.example> ha scritto:",
            "Il 04/03/2025 10:12, Support ha scritto:",
            "Στις Τρί 4 Μαρ 2025 στις 10:12 π.μ., ο/η Support <support@caseswarm.example> έγραψε:",
            "El mar, 4 mar 2025 a las 10:12, Support (<support@caseswarm.example>) escribió:",
            "Vào Th 3, 4 thg 3, 2025 vào lúc 10:12 Support <support@caseswarm.example> đã viết:",
            "\u202bدر تاریخ سه‌شنبه ۴ مارس ۲۰۲۵ ساعت ۱۰:۱۲ Support <support@caseswarm.example> نوشت:\u202c",
            "04.03.2025 10:12, Support пишет:"})
    void anAttributionLineAndTheQuoteUnderItAreHistory(String attribution) {
        String reply = ANSWER + "\n\n" + attribution + "\n\n> Please check the invoice.\n> Support\n";

        assertThat(QuotedHistory.strip(reply)).isEqualTo(ANSWER);
    }

    @Test
    void anAttributionWrappedOverLinesIsStillOne() {
        String reply = ANSWER + "\n\nOn Tue, Mar 4, 2025 at 10:12 AM Caseswarm Support <\nsupport@caseswarm.example> wrote:\n\n> Old\n";

        assertThat(QuotedHistory.strip(reply)).isEqualTo(ANSWER);
    }

    @Test
    void withoutQuotesUnderIt_onlyAFullAttributionCutsTheRest() {
        // Outlook's plain-text replies do not quote with ">": the attribution alone marks the old mail.
        assertThat(QuotedHistory.strip(ANSWER + "\n\nOn Tue, 4 Mar 2025, Support wrote:\nOld text\n")).isEqualTo(ANSWER);
        // A sentence that happens to end like an attribution is the customer's text.
        String text = "My colleague wrote:\nthe server is down again.";
        assertThat(QuotedHistory.strip(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-----Original Message-----", "-----Ursprüngliche Nachricht-----",
            "-----Messaggio originale-----", "----- Αρχικό μήνυμα -----", "-----Message d'origine-----"})
    void outlooksSeparatorStartsTheOldMail(String separator) {
        String reply = ANSWER + "\n\n" + separator + "\nFrom: Support\nSent: Tuesday\n\nOld text\n";

        assertThat(QuotedHistory.strip(reply)).isEqualTo(ANSWER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "________________________________\nFrom: Support <support@caseswarm.example>\nSent: Tuesday, March 4, 2025 11:02 AM\nTo: Lars\nSubject: RE: invoice",
            "*From:* Support <support@caseswarm.example>\n*Sent:* Tuesday, March 4, 2025 11:02\n*To:* Lars\n*Subject:* invoice",
            "Da: Supporto <support@caseswarm.example>\nInviato: martedì 4 marzo 2025 11:02\nA: Giulia\nOggetto: fattura",
            "Von: Support <support@caseswarm.example>\nGesendet: Dienstag, 4. März 2025 11:02\nAn: Anna\nBetreff: Rechnung",
            "Από: Support <support@caseswarm.example>\nΣτάλθηκε: Τρίτη, 4 Μαρτίου 2025 11:02 π.μ.\nΠρος: Γιώργος\nΘέμα: Τιμολόγια"})
    void anOutlookHeaderBlockStartsTheOldMailAndTheRuleAboveItGoesToo(String block) {
        String reply = ANSWER + "\n\n" + block + "\n\nOld text\n";

        assertThat(QuotedHistory.strip(reply)).isEqualTo(ANSWER);
    }

    @Test
    void aFromLineInTheTextIsNoHeaderBlock() {
        String text = "From: my side everything works.\nBut the export still fails.\nAny idea?";

        assertThat(QuotedHistory.strip(text)).isEqualTo(text);
    }

    @Test
    void answersWrittenBetweenQuotedLinesAreKeptAndOnlyTheQuotesGo() {
        String reply = """
                On 04.03.2025 10:12, Support wrote:
                > Which browser do you use?
                Firefox 136.
                > Does a private window help?
                No, same result.
                """;

        assertThat(QuotedHistory.strip(reply)).isEqualTo("Firefox 136.\nNo, same result.");
    }

    @Test
    void aMailOfQuotesOnlyStripsToNothingSoTheParserFallsBackToTheFullText() {
        assertThat(QuotedHistory.strip("> old\n> older\n")).isEmpty();
    }

    @Test
    void crlfIsReadAsLineEnds() {
        assertThat(QuotedHistory.strip(ANSWER + "\r\n\r\n> old\r\n")).isEqualTo(ANSWER);
    }
}
