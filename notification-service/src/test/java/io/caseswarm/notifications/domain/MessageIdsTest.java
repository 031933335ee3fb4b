package io.caseswarm.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void theIdsMailClientsWriteAreThreaded() {
        assertThat(MessageIds.isWellFormed("CAF=3dk+Yx_Q@mail.gmail.com")).isTrue();
        assertThat(MessageIds.isWellFormed("5f1c2a9e-7b1d-4a7e-9f1e-0c2b3d4e5f60@caseswarm.local")).isTrue();
        assertThat(MessageIds.isWellFormed("AM0PR07MB.1234$abc@EURPRD07.PROD.OUTLOOK.COM")).isTrue();
    }

    /** Written into a header, these would end it early or start another one (a Bcc, say). */
    @Test
    void whatCouldBreakAHeaderIsNot() {
        assertThat(MessageIds.isWellFormed("abc@x\r\nBcc: everyone@example.com")).isFalse();
        assertThat(MessageIds.isWellFormed("a b@x")).isFalse();
        assertThat(MessageIds.isWellFormed("<abc@x>")).isFalse();
        assertThat(MessageIds.isWellFormed("no-domain")).isFalse();
        assertThat(MessageIds.isWellFormed("a@b@c")).isFalse();
        assertThat(MessageIds.isWellFormed("ünï@x")).isFalse();
        assertThat(MessageIds.isWellFormed("a".repeat(300) + "@x")).isFalse();
        assertThat(MessageIds.isWellFormed(null)).isFalse();
    }
}
