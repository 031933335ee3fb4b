package io.caseswarm.platform.slack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Slack's v0 signing, checked against the example of Slack's own documentation. */
class SlackRequestVerifierTest {

    // Slack's documented example ("Verifying requests from Slack"): secret, timestamp, body and signature.
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TIMESTAMP = "1531420618";
    private static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&"
            + "channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&"
            + "text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&"
            + "trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(UTF_8);
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Instant SENT = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP));

    private final SlackRequestVerifier verifier = new SlackRequestVerifier(SECRET);

    @Test
    void acceptsSlacksOwnExampleWithinFiveMinutesEitherWay() {
        assertThatCode(() -> verifier.verify(TIMESTAMP, SIGNATURE, BODY, SENT)).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(TIMESTAMP, SIGNATURE, BODY, SENT.plusSeconds(300))).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(TIMESTAMP, SIGNATURE, BODY, SENT.minusSeconds(300))).doesNotThrowAnyException();
    }

    @Test
    void refusesARequestOlderOrNewerThanFiveMinutes() {
        assertThatThrownBy(() -> verifier.verify(TIMESTAMP, SIGNATURE, BODY, SENT.plusSeconds(301)))
                .isInstanceOf(InvalidSlackRequestException.class).hasMessageContaining("five minutes");
        assertThatThrownBy(() -> verifier.verify(TIMESTAMP, SIGNATURE, BODY, SENT.minusSeconds(301)))
                .isInstanceOf(InvalidSlackRequestException.class).hasMessageContaining("five minutes");
    }

    @Test
    void refusesAChangedBodyTimestampSignatureOrSecret() {
        byte[] changed = BODY.clone();
        changed[changed.length - 1] ^= 1;
        assertThatThrownBy(() -> verifier.verify(TIMESTAMP, SIGNATURE, changed, SENT))
                .hasMessageContaining("signature does not match");
        assertThatThrownBy(() -> verifier.verify("1531420619", SIGNATURE, BODY, SENT))
                .hasMessageContaining("signature does not match");
        assertThatThrownBy(() -> verifier.verify(TIMESTAMP, SIGNATURE.replace("v0=a", "v0=b"), BODY, SENT))
                .hasMessageContaining("signature does not match");
        assertThatThrownBy(() -> verifier.verify(TIMESTAMP, SIGNATURE.replace("v0=", "v1="), BODY, SENT))
                .hasMessageContaining("signature does not match");
        assertThatThrownBy(() -> new SlackRequestVerifier("another-secret").verify(TIMESTAMP, SIGNATURE, BODY, SENT))
                .hasMessageContaining("signature does not match");
    }

    @Test
    void refusesMissingHeadersAndNonsense() {
        assertThatThrownBy(() -> verifier.verify(null, SIGNATURE, BODY, SENT)).hasMessageContaining("not signed");
        assertThatThrownBy(() -> verifier.verify(TIMESTAMP, null, BODY, SENT)).hasMessageContaining("not signed");
        assertThatThrownBy(() -> verifier.verify("yesterday", SIGNATURE, BODY, SENT)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> verifier.verify(TIMESTAMP, SIGNATURE + "0".repeat(10_000), BODY, SENT))
                .hasMessageContaining("signature does not match");
        assertThatThrownBy(() -> new SlackRequestVerifier(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
