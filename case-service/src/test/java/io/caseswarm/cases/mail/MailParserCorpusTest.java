package io.caseswarm.cases.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mail of the corpus read as the intake will read it, against what its manifest entry promises. */
class MailParserCorpusTest {

    private static final MailCorpus CORPUS = new MailCorpus();
    private static final Set<String> EFFECTS = Set.of("new-case", "reply", "recorded", "quarantine", "duplicate");

    private final MailParser parser = new MailParser();

    static List<MailCorpus.Entry> entries() {
        return CORPUS.entries();
    }

    static Stream<MailCorpus.Entry> readable() {
        return entries().stream().filter(entry -> !entry.effect().equals("quarantine"));
    }

    static Stream<MailCorpus.Entry> unreadable() {
        return entries().stream().filter(entry -> entry.effect().equals("quarantine"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readable")
    void readsWhatTheManifestPromises(MailCorpus.Entry entry) {
        ParsedMail mail = parser.parse(CORPUS.delivered(entry.file()));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(mail.from().address()).as("from").isEqualTo(entry.from());
        soft.assertThat(mail.from().name()).as("from name").isEqualTo(entry.fromName());
        soft.assertThat(mail.subject()).as("subject").isEqualTo(CORPUS.withCaseNumbers(entry.subject()));
        soft.assertThat(mail.kind().name().toLowerCase(Locale.ROOT)).as("kind").isEqualTo(entry.kind());
        for (String expected : CORPUS.withCaseNumbers(entry.textContains())) {
            soft.assertThat(mail.text()).as("text").contains(expected);
            soft.assertThat(mail.fullText()).as("full text").contains(expected);
        }
        for (String unexpected : entry.textExcludes()) {
            soft.assertThat(mail.text()).as("text").doesNotContain(unexpected);
        }
        soft.assertThat(mail.parts()).extracting(MailPart::fileName).as("attachments")
                .containsExactlyInAnyOrderElementsOf(CORPUS.withCaseNumbers(entry.attachments()));
        soft.assertThat(mail.parts()).allSatisfy(part -> assertThat(part.bytes()).isNotEmpty());
        soft.assertThat(mail.bouncedRecipients()).as("bounced recipients")
                .containsExactlyElementsOf(entry.bouncedRecipients());
        soft.assertThat(mail.bouncedMessageId()).as("bounced message id").isEqualTo(entry.bouncedMessageId());
        soft.assertThat(mail.sentAt()).as("sent at").isNotNull();
        soft.assertThat(mail.digest()).as("digest").isEqualTo(sha256(CORPUS.delivered(entry.file())));
        soft.assertThat(mail.text()).as("text is tidy").doesNotContain("\r").isEqualTo(mail.text().strip());
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void quarantinedMailIsRefusedWithAReason(MailCorpus.Entry entry) {
        assertThatThrownBy(() -> parser.parse(CORPUS.delivered(entry.file())))
                .isInstanceOf(UnreadableMailException.class)
                .hasMessageContaining("From");
    }

    @Test
    void aReplyNamesItsCaseByThreadHeadersOrByTheCaseTokenInItsSubject() {
        for (MailCorpus.Entry entry : entries().stream().filter(e -> e.effect().equals("reply")).toList()) {
            ParsedMail reply = parser.parse(CORPUS.delivered(entry.file()));
            String original = parser.parse(CORPUS.delivered(entry.replyTo())).messageId();
            List<String> thread = new ArrayList<>(reply.references());
            thread.addAll(reply.inReplyTo());
            boolean byHeaders = thread.contains(original);
            boolean byToken = MailSubjects.caseNumber(reply.subject())
                    .filter(("CS-" + CORPUS.caseNumber(entry.replyTo()))::equals).isPresent();
            assertThat(byHeaders || byToken).as("%s threads to %s", entry.file(), entry.replyTo()).isTrue();
        }
    }

    @Test
    void theTokenOnlyReplyHasNoThreadHeadersSoOnlyItsSubjectLeadsToTheCase() {
        ParsedMail reply = parser.parse(CORPUS.delivered("21-token-only-reply.eml"));

        assertThat(reply.inReplyTo()).isEmpty();
        assertThat(reply.references()).isEmpty();
        assertThat(MailSubjects.caseNumber(reply.subject())).contains("CS-" + CORPUS.caseNumber("01-plain-new.eml"));
    }

    @Test
    void aNewCaseNamesNoCaseAndNoMailOfTheCorpus() {
        Set<String> corpusIds = readable().map(entry -> parser.parse(CORPUS.delivered(entry.file())).messageId())
                .filter(id -> id != null).collect(Collectors.toSet());
        for (MailCorpus.Entry entry : entries().stream().filter(e -> e.effect().equals("new-case")).toList()) {
            ParsedMail mail = parser.parse(CORPUS.delivered(entry.file()));
            assertThat(MailSubjects.caseNumber(mail.subject())).as(entry.file()).isEmpty();
            assertThat(mail.references()).as(entry.file()).doesNotContainAnyElementsOf(corpusIds);
            assertThat(mail.inReplyTo()).as(entry.file()).doesNotContainAnyElementsOf(corpusIds);
        }
    }

    @Test
    void theDuplicateIsTheSameMailByIdButNotByBytes() {
        for (MailCorpus.Entry entry : entries().stream().filter(e -> e.effect().equals("duplicate")).toList()) {
            ParsedMail duplicate = parser.parse(CORPUS.delivered(entry.file()));
            ParsedMail original = parser.parse(CORPUS.delivered(entry.replyTo()));
            assertThat(duplicate.messageId()).isNotNull().isEqualTo(original.messageId());
            assertThat(duplicate.digest()).isNotEqualTo(original.digest());
        }
    }

    @Test
    void aBounceNamesTheSenderOfTheCaseItIsAboutAndTheirMailInTheReturnedHeaders() throws IOException {
        for (MailCorpus.Entry entry : entries().stream().filter(e -> "bounce".equals(e.kind())).toList()) {
            ParsedMail bounced = parser.parse(CORPUS.delivered(entry.about()));
            ParsedMail bounce = parser.parse(CORPUS.delivered(entry.file()));
            assertThat(bounce.bouncedRecipients()).containsExactly(bounced.from().address());
            String raw = Files.readString(CORPUS.folder().resolve(entry.file()), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(raw).contains("References: <" + bounced.messageId() + ">");
        }
    }

    @Test
    void theCorpusCoversWhatItMustWithUniqueIdsAndOneSenderPerNewCase() throws IOException {
        List<String> files;
        try (Stream<Path> listing = Files.list(CORPUS.folder())) {
            files = listing.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".eml")).toList();
        }
        assertThat(entries()).extracting(MailCorpus.Entry::file).containsExactlyInAnyOrderElementsOf(files);
        assertThat(files).hasSizeGreaterThanOrEqualTo(32);
        assertThat(entries()).allSatisfy(entry -> assertThat(EFFECTS).contains(entry.effect()));
        assertThat(entries()).filteredOn(e -> e.effect().equals("quarantine")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(entries()).filteredOn(e -> e.effect().equals("reply") || e.effect().equals("duplicate"))
                .allSatisfy(entry -> assertThat(CORPUS.entry(entry.replyTo()).effect()).isEqualTo("new-case"));

        List<String> ids = readable().filter(entry -> !entry.effect().equals("duplicate"))
                .map(entry -> parser.parse(CORPUS.delivered(entry.file())).messageId()).filter(id -> id != null).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(entries()).filteredOn(e -> e.effect().equals("new-case")).extracting(MailCorpus.Entry::from)
                .doesNotHaveDuplicates();
        assertThat(readable().filter(entry -> !isCrlf(entry.file()))).extracting(MailCorpus.Entry::file)
                .as("bare-LF files (most must be CRLF)").hasSizeBetween(1, 3);
    }

    private static boolean isCrlf(String file) {
        String text = new String(CORPUS.delivered(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.replace("\r\n", "").indexOf('\n') < 0;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
