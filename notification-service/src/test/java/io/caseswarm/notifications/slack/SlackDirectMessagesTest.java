package io.caseswarm.notifications.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Direct messages as Slack's Web API documents {@code chat.postMessage}, against a real local HTTP server. */
class SlackDirectMessagesTest {

    private final ObjectMapper json = new ObjectMapper();
    private RecordingSlack slack;

    @BeforeEach
    void start() throws Exception {
        slack = RecordingSlack.start();
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void aMessageIsAJsonPostToChatPostMessageWithTheBotTokenAndTheUserIdAsChannel() throws Exception {
        String ts = messages("xoxb-test-token").send("U024BE7LH", "*Invited*\nJoin the swarm, “please”");

        assertThat(ts).isEqualTo(RecordingSlack.TS);
        RecordingSlack.Request request = slack.requests().getFirst();
        assertThat(slack.requests()).hasSize(1);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/chat.postMessage");
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.header("Authorization")).isEqualTo("Bearer xoxb-test-token");
        JsonNode body = json.readTree(request.body());
        assertThat(body.get("channel").asText()).isEqualTo("U024BE7LH");
        assertThat(body.get("text").asText()).isEqualTo("*Invited*\nJoin the swarm, “please”");
    }

    @Test
    void slacksRefusalWithOkFalseIsAFailureNamingSlacksError() {
        slack.answer(200, "{\"ok\":false,\"error\":\"channel_not_found\"}");
        assertThatThrownBy(() -> messages("xoxb-t").send("U0NOBODY", "hi"))
                .isInstanceOf(SlackException.class).hasMessageContaining("channel_not_found");
    }

    @Test
    void anHttpErrorOrAnAnswerThatIsNoJsonIsAFailure() {
        slack.answer(500, "oops");
        assertThatThrownBy(() -> messages("xoxb-t").send("U1", "hi")).isInstanceOf(SlackException.class)
                .hasMessageContaining("with 500");
        slack.answer(200, "<html>proxy</html>");
        assertThatThrownBy(() -> messages("xoxb-t").send("U1", "hi")).isInstanceOf(SlackException.class)
                .hasMessageContaining("invalid_response");
    }

    @Test
    void withoutABotTokenNothingIsSent() {
        assertThatThrownBy(() -> messages(null).send("U1", "hi")).isInstanceOf(SlackException.class)
                .hasMessageContaining("bot-token");
        assertThat(slack.requests()).isEmpty();
    }

    @Test
    void aSlackThatCannotBeReachedIsAFailureNotACrash() {
        String url = slack.apiUrl();
        slack.close();
        assertThatThrownBy(() -> new SlackDirectMessages(config(url, "xoxb-t")).send("U1", "hi"))
                .isInstanceOf(SlackException.class).hasMessageContaining("Could not reach Slack");
    }

    private SlackDirectMessages messages(String token) {
        return new SlackDirectMessages(config(slack.apiUrl(), token));
    }

    static SlackConfig config(String apiUrl, String token) {
        return new SlackConfig() {
            public boolean enabled() {
                return true;
            }

            public String apiUrl() {
                return apiUrl;
            }

            public Optional<String> botToken() {
                return Optional.ofNullable(token);
            }

            public Duration timeout() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
