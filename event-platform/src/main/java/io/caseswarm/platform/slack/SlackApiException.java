package io.caseswarm.platform.slack;

/** Slack refused a Web API call ({@code "ok": false}); {@link #error()} is Slack's code, e.g. {@code channel_not_found}. */
public class SlackApiException extends RuntimeException {

    private final String error;

    public SlackApiException(String method, String error) {
        super("Slack refused " + method + ": " + error);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
