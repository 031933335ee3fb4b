package io.caseswarm.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MailThreadingTest {

    @Test
    void aMailNotAboutACaseAnswersNothing() {
        assertThat(MailThreading.NOT_ABOUT_A_CASE.inReplyTo()).isEmpty();
        assertThat(MailThreading.NOT_ABOUT_A_CASE.references()).isEmpty();
    }

    @Test
    void theFirstAnswerRefersToTheMailItAnswers() {
        MailThreading threading = new MailThreading(null, List.of("first@mail.example"));
        assertThat(threading.inReplyTo()).contains("first@mail.example");
        assertThat(threading.references()).containsExactly("first@mail.example");
    }

    /** RFC 5322 §3.6.4 lets a long thread's References be trimmed; its start and its latest mails are kept. */
    @Test
    void aLongThreadIsReferencedByItsFirstMailAndTheNineLatest() {
        List<String> thread = IntStream.rangeClosed(1, 15).mapToObj(i -> "m" + i + "@x").toList();
        MailThreading threading = new MailThreading("support@caseswarm.local", thread);
        assertThat(threading.inReplyTo()).contains("m15@x");
        assertThat(threading.references()).containsExactly("m1@x", "m7@x", "m8@x", "m9@x", "m10@x", "m11@x",
                "m12@x", "m13@x", "m14@x", "m15@x");
    }

    @Test
    void aShortThreadIsReferencedWhole() {
        List<String> thread = List.of("m1@x", "m2@x", "m3@x");
        assertThat(new MailThreading(null, thread).references()).containsExactlyElementsOf(thread);
    }
}
