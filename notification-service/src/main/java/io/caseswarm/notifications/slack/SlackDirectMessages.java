package io.caseswarm.notifications.slack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Direct messages from the Caseswarm bot to a person's Slack user, with Slack's Web API
 * {@code chat.postMessage} (a user id as {@code channel} opens the bot's DM with them). Slack answers
 * HTTP 200 with {@code "ok": false} and an {@code error} when it refuses, so both are checked.
 */
@ApplicationScoped
public class SlackDirectMessages {

    private final SlackConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    SlackDirectMessages(SlackConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Sends {@code text} to the Slack user; returns the message's {@code ts}, Slack's id for it. */
    public String send(String slackUserId, String text) throws SlackException {
        String token = config.botToken().filter(t -> !t.isBlank()).orElseThrow(() -> new SlackException(
                "caseswarm.notifications.slack.bot-token is not set"));
        String body;
        try {
            body = json.writeValueAsString(Map.of("channel", slackUserId, "text", text));
        } catch (JsonProcessingException e) {
            throw new SlackException("Could not write the message", e);
        }
        JsonNode answer = answerOf(post(URI.create(config.apiUrl().replaceAll("/+$", "") + "/chat.postMessage"), token,
                body));
        if (!answer.path("ok").asBoolean(false)) {
            throw new SlackException("Slack refused the message: " + answer.path("error").asText("no error given"));
        }
        return answer.path("ts").asText(null);
    }

    private JsonNode answerOf(HttpResponse<String> response) throws SlackException {
        if (response.statusCode() != 200) {
            throw new SlackException("Slack answered HTTP " + response.statusCode());
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SlackException("Slack's answer is not JSON", e);
        }
    }

    /** The one place this talks HTTP: a JSON POST with the bot's token, as Slack's Web API takes it. */
    private HttpResponse<String> post(URI uri, String token, String jsonBody) throws SlackException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SlackException("Could not reach Slack: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackException("Interrupted while sending to Slack", e);
        }
    }
}
