package io.caseswarm.cases.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The edges of reading one mail that the corpus does not pin down on its own. */
class MailParserTest {

    private final MailParser parser = new MailParser();

    /** A mail from text written with \n, sent with CRLF as SMTP does. */
    private static byte[] crlf(String mail) {
        return mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Headers in UTF-8 (RFC 6532), the body in the given charset without any transfer encoding (8-bit). */
    private static byte[] eightBit(String headers, String body, Charset charset) {
        byte[] head = (headers + "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] text = body.replace("\n", "\r\n").getBytes(charset);
        byte[] mail = new byte[head.length + text.length];
        System.arraycopy(head, 0, mail, 0, head.length);
        System.arraycopy(text, 0, mail, head.length, text.length);
        return mail;
    }

    private static final String MULTIPART = """
            From: Jan Novak <jan@example.cz>
            To: support@caseswarm.example
            Subject: Report
            Date: Tue, 4 Mar 2025 10:00:00 +0100
            Message-ID: <m1@example.cz>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: quoted-printable

            The report is attached; the totals are wr=
            ong since Monday.

            --b1
            Content-Type: application/pdf; name="report.pdf"
            Content-Disposition: attachment; filename="report.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --b1--
            """;

    @Test
    void aMailWithBareLineFeedsReadsExactlyLikeTheSameMailWithCrlf() {
        ParsedMail withCrlf = parser.parse(crlf(MULTIPART));
        ParsedMail withLf = parser.parse(MULTIPART.getBytes(StandardCharsets.UTF_8));

        assertThat(withLf.text()).isEqualTo(withCrlf.text()).isEqualTo("The report is attached; the totals are wrong since Monday.");
        assertThat(withLf.parts()).extracting(MailPart::fileName).containsExactly("report.pdf");
        assertThat(withLf.parts().getFirst().bytes()).isEqualTo(withCrlf.parts().getFirst().bytes())
                .isEqualTo("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(withLf.digest()).isNotEqualTo(withCrlf.digest());
    }

    private static final String NO_CHARSET = """
            From: Erik <erik@example.de>
            Subject: Umlaut
            Content-Type: text/plain
            Content-Transfer-Encoding: 8bit
            """;

    @Test
    void eightBitTextWithoutACharsetIsReadAsUtf8WhenItIsValidUtf8() {
        ParsedMail mail = parser.parse(eightBit(NO_CHARSET, "Größe – 5 € 🙂\n", StandardCharsets.UTF_8));

        assertThat(mail.text()).isEqualTo("Größe – 5 € 🙂");
    }

    @Test
    void eightBitTextWithoutACharsetThatIsNotUtf8IsReadAsWindows1252() {
        ParsedMail mail = parser.parse(eightBit(NO_CHARSET, "Größe – 5 € „ok“\n", Charset.forName("windows-1252")));

        assertThat(mail.text()).isEqualTo("Größe – 5 € „ok“");
    }

    @Test
    void aUsAsciiLabelOnEightBitTextIsWrongAndTheTextIsGuessed() {
        String headers = NO_CHARSET.replace("Content-Type: text/plain", "Content-Type: text/plain; charset=us-ascii");

        assertThat(parser.parse(eightBit(headers, "Grüße\n", StandardCharsets.UTF_8)).text()).isEqualTo("Grüße");
    }

    @Test
    void aDeclaredCharsetIsHonouredEvenWhenTheBytesWouldAlsoBeValidUtf8() {
        String headers = NO_CHARSET.replace("Content-Type: text/plain", "Content-Type: text/plain; charset=koi8-r");

        assertThat(parser.parse(eightBit(headers, "Привет\n", Charset.forName("KOI8-R"))).text()).isEqualTo("Привет");
    }

    @Test
    void encodedWordsFoldedOverLinesAndCutInsideACharacterDecodeAsOneText() {
        byte[] vietnamese = "Hóa đơn".getBytes(StandardCharsets.UTF_8); // "ó" is two bytes: cut between them
        String first = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(vietnamese, 0, 2));
        String second = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(vietnamese, 2, vietnamese.length));
        ParsedMail mail = parser.parse(crlf("""
                From: "=?UTF-8?Q?Tr=E1=BA=A7n_?=
                 =?UTF-8?Q?Th=E1=BB=8B_Hoa?=" <hoa@example.vn>
                Subject: =?UTF-8?B?%s?=
                 =?UTF-8?B?%s?= [CS-001234]
                Content-Type: text/plain

                x
                """.formatted(first, second)));

        assertThat(mail.subject()).isEqualTo("Hóa đơn [CS-001234]");
        assertThat(mail.from().name()).isEqualTo("Trần Thị Hoa");
    }

    @Test
    void rawUtf8InHeadersIsReadAsUtf8() {
        ParsedMail mail = parser.parse(eightBit("""
                From: Ελένη <eleni@example.gr>
                Subject: Αλλαγή διεύθυνσης
                """, "x\n", StandardCharsets.UTF_8));

        assertThat(mail.subject()).isEqualTo("Αλλαγή διεύθυνσης");
        assertThat(mail.from().name()).isEqualTo("Ελένη");
    }

    @Test
    void aMailWithoutBodyHasEmptyTextsAndNoFiles() {
        ParsedMail mail = parser.parse(crlf("""
                From: someone@example.com
                Subject:

                """));

        assertThat(mail.text()).isEmpty();
        assertThat(mail.fullText()).isEmpty();
        assertThat(mail.parts()).isEmpty();
        assertThat(mail.subject()).isEmpty();
        assertThat(mail.from()).isEqualTo(new MailAddress("someone@example.com", null));
    }

    @Test
    void aMailThatIsNothingButQuoteAndSignatureKeepsItsWholeTextRatherThanNone() {
        ParsedMail mail = parser.parse(crlf("""
                From: someone@example.com
                Subject: Re: hello

                > Did the update help?
                > Support

                --\040
                Jan
                """));

        assertThat(mail.text()).isEqualTo(mail.fullText()).isEqualTo("> Did the update help?\n> Support\n\n--\nJan");
    }

    @Test
    void anEmptyPlainAlternativeGivesWayToTheHtmlOne() {
        ParsedMail mail = parser.parse(crlf("""
                From: someone@example.com
                Content-Type: multipart/alternative; boundary=alt

                --alt
                Content-Type: text/plain; charset=utf-8

                \040
                --alt
                Content-Type: text/html; charset=utf-8

                <p>The <b>backup</b> failed.</p>
                --alt--
                """));

        assertThat(mail.text()).isEqualTo("The backup failed.");
    }

    @Test
    void thePlainAlternativeIsReadRatherThanTheHtmlOne() {
        ParsedMail mail = parser.parse(crlf("""
                From: someone@example.com
                Content-Type: multipart/alternative; boundary=alt

                --alt
                Content-Type: text/plain; charset=utf-8

                Plain words.
                --alt
                Content-Type: text/html; charset=utf-8

                <p>Marked-up words.</p>
                --alt--
                """));

        assertThat(mail.fullText()).isEqualTo("Plain words.");
    }

    @Test
    void htmlIsReadWithLineBreaksListsAndWhereLinksLead() {
        ParsedMail mail = parser.parse(crlf("""
                From: someone@example.com
                Content-Type: text/html; charset=utf-8

                <html><head><title>Mail</title><style>p{color:red}</style></head><body>
                <p>Hello&nbsp;team,<br>the   portal
                   is down.</p>
                <ul><li>since <a href="https://status.example.com/incidents/42">the incident</a></li>
                <li>see https://status.example.com: <a href="https://status.example.com">https://status.example.com</a></li>
                <li>ask <a href="mailto:ops@example.com">our ops team</a></li></ul>
                <script>alert('x')</script><p>Thanks</p></body></html>
                """));

        assertThat(mail.text()).isEqualTo("""
                Hello team,
                the portal is down.

                - since the incident (https://status.example.com/incidents/42)
                - see https://status.example.com: https://status.example.com
                - ask our ops team (ops@example.com)

                Thanks""");
    }

    @Test
    void quotedHistoryInHtmlRepliesIsCutBeforeTheHtmlIsRead() {
        ParsedMail mail = parser.parse(crlf("""
                From: someone@example.com
                Content-Type: text/html; charset=utf-8

                <div>Still broken after the restart.</div>
                <div class="moz-cite-prefix">On 04.03.2025 10:12, Support wrote:</div>
                <blockquote type="cite">Please restart the service.</blockquote>
                """));

        assertThat(mail.text()).isEqualTo("Still broken after the restart.");
        assertThat(mail.fullText()).contains("Please restart the service.");
    }

    @Test
    void outlookHtmlRepliesEndWhereOutlookMarksTheOldMail() {
        ParsedMail mail = parser.parse(crlf("""
                From: someone@example.com
                Content-Type: text/html; charset=utf-8

                <div>New numbers attached.</div><div id="appendonsend"></div><hr>
                <div id="divRplyFwdMsg"><b>Da:</b> Supporto<br><b>Inviato:</b> martedì<br></div>
                <div>Old text of the support.</div>
                """));

        assertThat(mail.text()).isEqualTo("New numbers attached.");
    }

    @Test
    void filesAreNamedWithoutFoldersAndGetAMadeUpNameWhenTheyHaveNone() {
        ParsedMail mail = parser.parse(crlf("""
                From: someone@example.com
                Content-Type: multipart/mixed; boundary=mix

                --mix
                Content-Type: text/plain

                Two files.
                --mix
                Content-Type: application/pdf
                Content-Disposition: attachment; filename="C:\\\\fakepath\\\\report.pdf"

                %PDF-1.4
                --mix
                Content-Type: Application/Octet-Stream
                Content-Transfer-Encoding: base64

                AAEC
                --mix
                Content-Type: image/jpeg; name="=?ISO-8859-1?Q?K=FCche.jpg?="
                Content-ID: <kitchen@local>
                Content-Transfer-Encoding: base64

                /9j/
                --mix--
                """));

        assertThat(mail.parts()).extracting(MailPart::fileName, MailPart::contentType, MailPart::inline, MailPart::contentId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("report.pdf", "application/pdf", false, null),
                        org.assertj.core.groups.Tuple.tuple("attachment-2.bin", "application/octet-stream", false, null),
                        org.assertj.core.groups.Tuple.tuple("Küche.jpg", "image/jpeg", true, "kitchen@local"));
        assertThat(mail.parts().get(1).bytes()).containsExactly(0, 1, 2);
    }

    @Test
    void idsAreReadWithoutBracketsInOrderAndAlsoWhenMalformed() {
        ParsedMail mail = parser.parse(crlf("""
                From: someone@example.com
                Message-ID: bare-id@example.com
                In-Reply-To: <first@example.com> (Support's message of Tue, 4 Mar 2025)
                References: <root@example.com>
                \t< second@example.com >   <first@example.com>

                x
                """));

        assertThat(mail.messageId()).isEqualTo("bare-id@example.com");
        assertThat(mail.inReplyTo()).containsExactly("first@example.com");
        assertThat(mail.references()).containsExactly("root@example.com", "second@example.com", "first@example.com");
    }

    @Test
    void recipientsAreToAndCcLowerCasedOnceAndAnUnreadableDateIsNoDate() {
        ParsedMail mail = parser.parse(crlf("""
                From: someone@example.com
                To: Support <Support@CaseSwarm.example>, "Doe, Jane" <jane@example.com>
                Cc: jane@EXAMPLE.com, undisclosed-recipients:;
                Date: sometime last week

                x
                """));

        assertThat(mail.to()).containsExactly("support@caseswarm.example", "jane@example.com");
        assertThat(mail.sentAt()).isNull();
    }

    @Test
    void outlooksSuppressHeaderAloneDoesNotMakeAnAutoReplyButAnAutoReplySubjectDoes() {
        String ordinary = """
                From: someone@example.com
                Subject: Meeting notes
                X-Auto-Response-Suppress: All
                Auto-Submitted: no

                x
                """;

        assertThat(parser.parse(crlf(ordinary)).kind()).isEqualTo(MailKind.ORDINARY);
        assertThat(parser.parse(crlf(ordinary.replace("Meeting notes", "Out of Office: Meeting notes"))).kind())
                .isEqualTo(MailKind.AUTO_REPLY);
        assertThat(parser.parse(crlf(ordinary.replace("Auto-Submitted: no", "X-Autorespond: yes"))).kind())
                .isEqualTo(MailKind.AUTO_REPLY);
        assertThat(parser.parse(crlf(ordinary.replace("Auto-Submitted: no", "List-Unsubscribe: <mailto:x@example.com>")))
                .kind()).isEqualTo(MailKind.BULK);
    }

    @Test
    void aPlainBounceFromTheMailerDaemonIsABounceWithoutKnownRecipients() {
        ParsedMail mail = parser.parse(crlf("""
                From: MAILER-DAEMON@mx.example.com
                Subject: failure notice

                Hi. This is the qmail-send program. I'm afraid I wasn't able to deliver your message.
                """));

        assertThat(mail.kind()).isEqualTo(MailKind.BOUNCE);
        assertThat(mail.bouncedRecipients()).isEmpty();
        assertThat(mail.bouncedMessageId()).isNull();
    }

    @Test
    void aDelayWarningNamesNoRecipientAsBounced() {
        ParsedMail mail = parser.parse(crlf("""
                From: MAILER-DAEMON@mx.example.com
                Subject: Delayed Mail (still being retried)
                Content-Type: multipart/report; report-type=delivery-status; boundary=r

                --r
                Content-Type: text/plain

                Your mail is delayed.
                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; late@example.org
                Action: delayed
                Status: 4.4.1

                Final-Recipient: rfc822; Gone@Example.org
                Action: failed
                Status: 5.1.1
                --r--
                """));

        assertThat(mail.kind()).isEqualTo(MailKind.BOUNCE);
        assertThat(mail.bouncedRecipients()).containsExactly("gone@example.org");
    }

    @Test
    void bytesThatAreNoMailFromAnyoneAreRefused() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(UnreadableMailException.class)
                .hasMessage("The mail is empty");
        assertThatThrownBy(() -> parser.parse(crlf("From: Support Team\nSubject: x\n\nx\n")))
                .isInstanceOf(UnreadableMailException.class).hasMessageContaining("no usable From address");
        assertThatThrownBy(() -> parser.parse("%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UnreadableMailException.class);
    }
}
