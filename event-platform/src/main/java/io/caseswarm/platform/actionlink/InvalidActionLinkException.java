package io.caseswarm.platform.actionlink;

/** A token that grants nothing, and why. */
public class InvalidActionLinkException extends RuntimeException {

    public enum Reason {
        /** Not the shape of a token at all: cut short in a mail, or made up. */
        MALFORMED,
        /** The signature does not match: changed, or signed with another secret. */
        FORGED,
        /** Genuine, but past its expiry. */
        EXPIRED
    }

    private final Reason reason;

    public InvalidActionLinkException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
