package io.caseswarm.notifications.slack;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.caseswarm.platform.retry.TryAgainLaterException;
import io.caseswarm.platform.slack.SlackApiException;
import io.caseswarm.platform.slack.SlackWebApi;

/**
 * Direct messages from the Caseswarm bot to a person's Slack user, with Slack's Web API
 * {@code chat.postMessage} (a user id as {@code channel} opens the bot's DM with them). Slack answers
 * HTTP 200 with {@code "ok": false} and an {@code error} when it refuses; the platform's client checks both.
 */
@ApplicationScoped
public class SlackDirectMessages {

    private final SlackConfig config;
    private final Optional<SlackWebApi> api;

    SlackDirectMessages(SlackConfig config) {
        this.config = config;
        this.api = config.botToken().filter(token -> !token.isBlank())
                .map(token -> new SlackWebApi(config.apiUrl(), token, config.timeout()));
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Sends {@code text} to the Slack user; returns the message's {@code ts}, Slack's id for it. Whatever
     * keeps the message from Slack, a refusal or Slack out of reach, is a {@link SlackException}: the
     * notifier then tries the person's next channel rather than waiting for Slack.
     */
    public String send(String slackUserId, String text) throws SlackException {
        SlackWebApi slack = api.orElseThrow(
                () -> new SlackException("caseswarm.notifications.slack.bot-token is not set"));
        try {
            return slack.postMessage(slackUserId, text, null, null);
        } catch (SlackApiException e) {
            throw new SlackException("Slack refused the message: " + e.error(), e);
        } catch (TryAgainLaterException e) {
            throw new SlackException("Could not reach Slack: " + e.getMessage(), e);
        }
    }
}
