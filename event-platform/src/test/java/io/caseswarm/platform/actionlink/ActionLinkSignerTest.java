package io.caseswarm.platform.actionlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.platform.actionlink.InvalidActionLinkException.Reason;

class ActionLinkSignerTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofHours(72));

    private final ActionLinkSigner signer = new ActionLinkSigner(SECRET);
    private final ActionLink link = new ActionLink(UUID.randomUUID(), "raj.patel", "join",
            UUID.randomUUID().toString(), EXPIRY);

    @Test
    void aSignedLinkVerifiesToWhatWasSigned() {
        String token = signer.sign(link);

        assertThat(signer.verify(token, NOW)).isEqualTo(link);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void aLinkForAnotherPersonMadeByChangingThePayloadIsForged() {
        String token = signer.sign(link);
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        String changed = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("raj.patel", "sam.ortiz").getBytes(StandardCharsets.UTF_8));

        assertRefused(changed + token.substring(token.indexOf('.')), NOW, Reason.FORGED);
    }

    @Test
    void aChangedSignatureIsForged() {
        String token = signer.sign(link);
        char last = token.charAt(token.length() - 2);
        String changed = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        assertRefused(changed, NOW, Reason.FORGED);
    }

    @Test
    void aLinkSignedWithAnotherSecretIsForged() {
        String token = new ActionLinkSigner("another-secret-that-is-long-enough-9876543210").sign(link);

        assertRefused(token, NOW, Reason.FORGED);
    }

    @Test
    void aLinkWorksUntilItsExpiryAndNotFromThen() {
        String token = signer.sign(link);

        assertThat(signer.verify(token, EXPIRY.minusSeconds(1))).isEqualTo(link);
        assertRefused(token, EXPIRY, Reason.EXPIRED);
    }

    @Test
    void whatIsNotATokenIsMalformed() {
        String token = signer.sign(link);
        for (String bad : new String[] {"", "nodot", "." + token, token.substring(0, token.length() - 5),
                token + ".x", "!!!.###", "a".repeat(2000)}) {
            assertRefused(bad, NOW, Reason.MALFORMED);
        }
        assertRefused(null, NOW, Reason.MALFORMED);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new ActionLinkSigner("short")).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefused(String token, Instant at, Reason reason) {
        assertThatThrownBy(() -> signer.verify(token, at)).isInstanceOf(InvalidActionLinkException.class)
                .extracting(e -> ((InvalidActionLinkException) e).reason()).isEqualTo(reason);
    }
}
