package io.caseswarm.slackstandin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SlackStandInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private SlackStandIn standIn;

    @BeforeEach
    void start() throws Exception {
        standIn = SlackStandIn.start(0, "xoxb-local");
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private JsonNode call(String method, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(standIn.apiUrl() + "/" + method))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void answersLikeSlackAndRecordsEveryRequest() throws Exception {
        JsonNode posted = call("chat.postMessage", "xoxb-local", "{\"channel\":\"C0123\",\"text\":\"hi\"}");
        assertThat(posted.path("ok").asBoolean()).isTrue();
        assertThat(posted.path("channel").asText()).isEqualTo("C0123");
        assertThat(posted.path("ts").asText()).matches("\\d+\\.\\d{6}");

        JsonNode updated = call("chat.update", "xoxb-local",
                "{\"channel\":\"C0123\",\"ts\":\"" + posted.path("ts").asText() + "\",\"text\":\"hi again\"}");
        assertThat(updated.path("ts").asText()).isEqualTo(posted.path("ts").asText());

        assertThat(call("chat.postMessage", null, "{\"channel\":\"C0123\",\"text\":\"hi\"}").path("error").asText())
                .isEqualTo("not_authed");
        assertThat(call("chat.postMessage", "xoxb-other", "{\"channel\":\"C0123\",\"text\":\"hi\"}").path("error")
                .asText()).isEqualTo("invalid_auth");
        assertThat(call("chat.postMessage", "xoxb-local", "{\"channel\":\"C0MISSING\",\"text\":\"hi\"}").path("error")
                .asText()).isEqualTo("channel_not_found");
        assertThat(call("chat.postMessage", "xoxb-local", "{\"channel\":\"C0123\"}").path("error").asText())
                .isEqualTo("no_text");

        JsonNode recorded = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(standIn.baseUrl()
                + "/_recorded?method=chat.update")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path("body").path("text").asText()).isEqualTo("hi again");
        assertThat(recorded.get(0).path("authorization").asText()).isEqualTo("Bearer xoxb-local");
        assertThat(standIn.recorded()).hasSize(6);

        http.send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/_recorded")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(standIn.recorded()).isEmpty();
    }
}
