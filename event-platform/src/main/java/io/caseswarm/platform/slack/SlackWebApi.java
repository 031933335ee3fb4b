package io.caseswarm.platform.slack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.caseswarm.platform.retry.TryAgainLaterException;

/**
 * Slack's Web API, as a bot: each method is a POST of a JSON body to {@code {base URL}/{method}} with the
 * bot token as bearer token, and answers JSON with {@code ok}. The base URL is configuration
 * ({@code https://slack.com/api} for a real workspace, a stand-in's address locally and in tests).
 *
 * <p>Failures come in two kinds. Slack refusing the call ({@code "ok": false}, with its {@code error},
 * e.g. {@code channel_not_found}) is a {@link SlackApiException}: the same call would be refused again.
 * Slack rate-limiting us (HTTP 429, with its {@code Retry-After}), failing itself (5xx) or not being
 * reachable is a {@link TryAgainLaterException}, which the platform's consumers retry.
 */
public class SlackWebApi {

    public static final String REAL_BASE_URL = "https://slack.com/api";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String botToken;
    private final Duration timeout;
    private final HttpClient http;

    public SlackWebApi(String baseUrl, String botToken, Duration timeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
        this.botToken = Objects.requireNonNull(botToken, "botToken");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Posts a message (in a thread when {@code threadTs} is given); returns its {@code ts}, the message's id. */
    public String postMessage(String channel, String text, JsonNode blocks, String threadTs) {
        ObjectNode arguments = message(channel, text, blocks);
        if (threadTs != null) {
            arguments.put("thread_ts", threadTs);
        }
        return call("chat.postMessage", arguments).path("ts").asText();
    }

    /** Replaces the text and blocks of the message {@code ts} in {@code channel}. */
    public void update(String channel, String ts, String text, JsonNode blocks) {
        call("chat.update", message(channel, text, blocks).put("ts", ts));
    }

    /** A message only {@code user} sees, in {@code channel} (and in a thread when {@code threadTs} is given). */
    public void postEphemeral(String channel, String user, String text, String threadTs) {
        ObjectNode arguments = JSON.createObjectNode().put("channel", channel).put("user", user).put("text", text);
        if (threadTs != null) {
            arguments.put("thread_ts", threadTs);
        }
        call("chat.postEphemeral", arguments);
    }

    /** Opens a modal {@code view} for the user whose interaction gave {@code triggerId}. */
    public void openView(String triggerId, JsonNode view) {
        ObjectNode arguments = JSON.createObjectNode().put("trigger_id", triggerId);
        arguments.set("view", view);
        call("views.open", arguments);
    }

    /**
     * Creates a public channel named {@code name} (lower case letters, digits, hyphens and underscores, at most
     * 80 characters, as Slack requires); returns its id. A name taken already is {@code name_taken}.
     */
    public String createChannel(String name) {
        return call("conversations.create", JSON.createObjectNode().put("name", name).put("is_private", false))
                .path("channel").path("id").asText();
    }

    /** Brings {@code user} into {@code channel}; one who is in it already is fine. */
    public void invite(String channel, String user) {
        try {
            call("conversations.invite", JSON.createObjectNode().put("channel", channel).put("users", user));
        } catch (SlackApiException e) {
            if (!e.error().equals("already_in_channel")) {
                throw e;
            }
        }
    }

    /** Archives {@code channel}; one archived already is fine. */
    public void archive(String channel) {
        try {
            call("conversations.archive", JSON.createObjectNode().put("channel", channel));
        } catch (SlackApiException e) {
            if (!e.error().equals("already_archived")) {
                throw e;
            }
        }
    }

    /** Calls any Web API method with a JSON body; returns Slack's answer when it is {@code ok}. */
    public JsonNode call(String method, ObjectNode arguments) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/" + method))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + botToken)
                .POST(HttpRequest.BodyPublishers.ofString(arguments.toString(), UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
        } catch (IOException e) {
            throw new TryAgainLaterException("Slack could not be reached for " + method + ": " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TryAgainLaterException("Interrupted while calling Slack's " + method, null, e);
        }
        if (response.statusCode() == 429) {
            throw new TryAgainLaterException("Slack rate-limits " + method, retryAfter(response), null);
        }
        if (response.statusCode() >= 500) {
            throw new TryAgainLaterException("Slack answered " + method + " with " + response.statusCode(), null, null);
        }
        JsonNode answer = parse(method, response);
        if (!answer.path("ok").asBoolean(false)) {
            throw new SlackApiException(method, answer.path("error").asText("unknown_error"));
        }
        return answer;
    }

    private static ObjectNode message(String channel, String text, JsonNode blocks) {
        // The text is the fallback notifications and screen readers show; the blocks are the message.
        ObjectNode arguments = JSON.createObjectNode().put("channel", channel).put("text", text);
        if (blocks != null) {
            arguments.set("blocks", blocks);
        }
        return arguments;
    }

    private static JsonNode parse(String method, HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SlackApiException(method, "invalid_response (HTTP " + response.statusCode() + ")");
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).filter(s -> s.matches("\\d{1,6}"))
                .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds))).orElse(null);
    }
}
