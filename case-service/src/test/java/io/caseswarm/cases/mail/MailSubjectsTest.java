package io.caseswarm.cases.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailSubjectsTest {

    @Test
    void theCaseTokenIsFoundAnywhereInAnyCaseAndAnsweredUpperCase() {
        assertThat(MailSubjects.caseNumber("Re: [CS-001234] Printer")).contains("CS-001234");
        assertThat(MailSubjects.caseNumber("AW: Drucker [cs-0012345]")).contains("CS-0012345");
        assertThat(MailSubjects.caseNumber("[CS-{{case:01-plain-new.eml}}] not substituted")).isEmpty();
    }

    @Test
    void somethingThatOnlyLooksLikeATokenIsNone() {
        assertThat(MailSubjects.caseNumber("CS-001234 without brackets")).isEmpty();
        assertThat(MailSubjects.caseNumber("[CS-12345] too short")).isEmpty();
        assertThat(MailSubjects.caseNumber("[XCS-001234")).isEmpty();
        assertThat(MailSubjects.caseNumber(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Re: RE: Fwd: FW: Printer jammed              | Printer jammed",
            "AW: WG: Drucker                               | Drucker",
            "R: I: Stampante                               | Stampante",
            "Απ: ΑΠ: Σχετ: Εκτυπωτής                       | Εκτυπωτής",
            "پاسخ: مشکل در پرداخت                           | مشکل در پرداخت",
            "Trả lời: Không thể đăng nhập                  | Không thể đăng nhập",
            "TR: RE : Imprimante                           | Imprimante",
            "Re[2]: Re(3): Export                          | Export",
            "Re: [CS-001234] AW: Drucker                   | [CS-001234] Drucker",
            "  Re:   [CS-001234]                           | [CS-001234]",
            "Information: Reply needed                     | Information: Reply needed",
            "Réunion: ordre du jour                        | Réunion: ordre du jour",
            "Regarding: the export                         | Regarding: the export"})
    void replyAndForwardPrefixesGoTheTopicAndTheTokenStay(String subject, String expected) {
        assertThat(MailSubjects.withoutReplyPrefixes(subject)).isEqualTo(expected);
    }

    @Test
    void aForwardIsRecognisedByItsPrefixOnly() {
        assertThat(MailSubjects.isForward("Fwd: Printer error")).isTrue();
        assertThat(MailSubjects.isForward("WG: Drucker")).isTrue();
        assertThat(MailSubjects.isForward("I: Stampante")).isTrue();
        assertThat(MailSubjects.isForward("Re: Fwd: Printer error")).isFalse();
        assertThat(MailSubjects.isForward("Forward planning")).isFalse();
    }
}
