package io.caseswarm.platform.slack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tells a request Slack sent from a forged or replayed one, by Slack's v0 request signing: Slack signs
 * {@code v0:{X-Slack-Request-Timestamp}:{raw body}} with the app's signing secret (HMAC-SHA256) and sends
 * {@code X-Slack-Signature: v0=<hex>}. A request whose timestamp is more than five minutes away from now,
 * either way, is refused, so a captured request cannot be played again later. Verify the raw bytes
 * before parsing anything of them.
 */
public final class SlackRequestVerifier {

    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    /** Slack's own tolerance, as its documentation recommends. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final String VERSION = "v0";
    private static final String ALGORITHM = "HmacSHA256";
    /** "v0=" and 64 hex digits; anything longer is not worth a comparison. */
    private static final int SIGNATURE_LENGTH = 3 + 64;

    private final SecretKeySpec key;

    public SlackRequestVerifier(String signingSecret) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("The Slack signing secret must be given");
        }
        this.key = new SecretKeySpec(signingSecret.getBytes(UTF_8), ALGORITHM);
    }

    /**
     * Returns when {@code body} was signed with the secret at {@code timestamp} (epoch seconds, as the header
     * carries it) no more than {@link #MAX_AGE} from {@code now}; else throws an
     * {@link InvalidSlackRequestException} saying why.
     */
    public void verify(String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null || body == null) {
            throw new InvalidSlackRequestException("The request is not signed");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSlackRequestException("The request's timestamp is not a number");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > MAX_AGE.toSeconds()) {
            throw new InvalidSlackRequestException("The request's timestamp is more than five minutes away");
        }
        byte[] expected = signature(timestamp.strip(), body).getBytes(UTF_8);
        byte[] given = signature.strip().getBytes(UTF_8);
        // Constant time: how much of a forged signature matched must not show in how long the refusal takes.
        if (given.length > SIGNATURE_LENGTH || !MessageDigest.isEqual(expected, given)) {
            throw new InvalidSlackRequestException("The request's signature does not match");
        }
    }

    /**
     * {@code v0=} and the hex HMAC-SHA256 of {@code v0:timestamp:body}, as Slack computes it: what a request
     * signed with this secret carries, and so what anyone speaking for Slack (a test) sends.
     */
    public String signature(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((VERSION + ":" + timestamp + ":").getBytes(UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
