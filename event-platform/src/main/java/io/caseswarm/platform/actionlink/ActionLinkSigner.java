package io.caseswarm.platform.actionlink;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.caseswarm.platform.actionlink.InvalidActionLinkException.Reason;

/**
 * Turns an {@link ActionLink} into a token fit for a URL path and back. A token is
 * {@code base64url(payload) "." base64url(HMAC-SHA256(secret, base64url(payload)))}; the payload is a
 * version line and the link's fields, one per line. Verifying checks the signature (in constant time)
 * before it reads a single field, so nothing of a forged token is ever parsed.
 */
public final class ActionLinkSigner {

    /** 256 bits, the size of the HMAC's own output: shorter secrets are guessable. */
    public static final int MIN_SECRET_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1";
    private static final int SIGNATURE_BYTES = 32;
    /** Far more than any real link needs; a longer path is refused before any work is done on it. */
    private static final int MAX_TOKEN_LENGTH = 1024;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public ActionLinkSigner(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "The action-link secret must be at least " + MIN_SECRET_LENGTH + " characters long");
        }
        this.key = new SecretKeySpec(secret.getBytes(UTF_8), ALGORITHM);
    }

    public String sign(ActionLink link) {
        String payload = String.join("\n", VERSION, link.id().toString(), link.personId(), link.action(),
                link.target(), Long.toString(link.expiresAt().getEpochSecond()));
        String encoded = ENCODER.encodeToString(payload.getBytes(UTF_8));
        return encoded + "." + ENCODER.encodeToString(mac(encoded));
    }

    /** The link {@code token} grants at {@code now}; else an {@link InvalidActionLinkException} saying why. */
    public ActionLink verify(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw malformed();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw malformed();
        }
        String encoded = token.substring(0, dot);
        byte[] signature;
        try {
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (signature.length != SIGNATURE_BYTES) {
            throw malformed();
        }
        if (!MessageDigest.isEqual(mac(encoded), signature)) {
            throw new InvalidActionLinkException(Reason.FORGED, "This link's signature does not match");
        }
        // Signed by us, so well-formed unless our own format changed.
        ActionLink link;
        try {
            String[] fields = new String(DECODER.decode(encoded), UTF_8).split("\n", -1);
            if (fields.length != 6 || !VERSION.equals(fields[0])) {
                throw malformed();
            }
            link = new ActionLink(UUID.fromString(fields[1]), fields[2], fields[3], fields[4],
                    Instant.ofEpochSecond(Long.parseLong(fields[5])));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (!now.isBefore(link.expiresAt())) {
            throw new InvalidActionLinkException(Reason.EXPIRED, "This link expired at " + link.expiresAt());
        }
        return link;
    }

    private byte[] mac(String encodedPayload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(encodedPayload.getBytes(US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
        }
    }

    private static InvalidActionLinkException malformed() {
        return new InvalidActionLinkException(Reason.MALFORMED, "This is not an action link");
    }
}
