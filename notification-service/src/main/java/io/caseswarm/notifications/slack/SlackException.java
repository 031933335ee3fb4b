package io.caseswarm.notifications.slack;

/** Slack did not take the message: its {@code error} (e.g. {@code channel_not_found}), or why it could not be asked. */
public class SlackException extends Exception {

    public SlackException(String message) {
        super(message);
    }

    public SlackException(String message, Throwable cause) {
        super(message, cause);
    }
}
