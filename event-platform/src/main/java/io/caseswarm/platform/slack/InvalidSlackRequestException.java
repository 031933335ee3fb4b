package io.caseswarm.platform.slack;

/** A request that claims to come from Slack but is not signed, signed wrongly, or too old (or too new). */
public class InvalidSlackRequestException extends RuntimeException {

    public InvalidSlackRequestException(String reason) {
        super(reason);
    }
}
