package io.caseswarm.platform.slack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.caseswarm.platform.retry.TransientFailures;
import io.caseswarm.platform.retry.TryAgainLaterException;

/** The Web API client against a real local HTTP server that answers as Slack does and records what it got. */
class SlackWebApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "xoxb-test-token";

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"ok\":true,\"channel\":\"C0123\",\"ts\":\"1700000000.000100\"}";
    private volatile String retryAfter;

    record Received(String method, String path, String contentType, String authorization, JsonNode body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), JSON.readTree(new String(body, UTF_8))));
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            byte[] out = answer.getBytes(UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SlackWebApi api() {
        return new SlackWebApi("http://127.0.0.1:" + server.getAddress().getPort() + "/api/", TOKEN, Duration.ofSeconds(5));
    }

    @Test
    void postsAMessageAsJsonWithTheBotTokenAndReturnsItsTs() throws Exception {
        JsonNode blocks = JSON.readTree("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Grüße *bold*\"}}]");

        String ts = api().postMessage("C0123", "Grüße", blocks, "1699999999.000200");

        assertThat(ts).isEqualTo("1700000000.000100");
        Received request = received.getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/chat.postMessage");
        assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(request.body().path("channel").asText()).isEqualTo("C0123");
        assertThat(request.body().path("text").asText()).isEqualTo("Grüße");
        assertThat(request.body().path("thread_ts").asText()).isEqualTo("1699999999.000200");
        assertThat(request.body().path("blocks")).isEqualTo(blocks);
    }

    @Test
    void updatesAMessageAndSendsEphemeralMessagesAndModals() throws Exception {
        api().update("C0123", "1700000000.000100", "new text", JSON.readTree("[]"));
        api().postEphemeral("C0123", "U0123ABCD", "only you", null);
        api().openView("trigger-1", JSON.readTree("{\"type\":\"modal\"}"));

        assertThat(received).extracting(Received::path)
                .containsExactly("/api/chat.update", "/api/chat.postEphemeral", "/api/views.open");
        assertThat(received.get(0).body().path("ts").asText()).isEqualTo("1700000000.000100");
        assertThat(received.get(0).body().has("thread_ts")).isFalse();
        assertThat(received.get(1).body().path("user").asText()).isEqualTo("U0123ABCD");
        assertThat(received.get(2).body().path("trigger_id").asText()).isEqualTo("trigger-1");
        assertThat(received.get(2).body().path("view").path("type").asText()).isEqualTo("modal");
    }

    @Test
    void aRefusalCarriesSlacksErrorAndIsNotRetried() {
        answer = "{\"ok\":false,\"error\":\"channel_not_found\"}";

        assertThatThrownBy(() -> api().postMessage("C0404", "hello", null, null))
                .isInstanceOfSatisfying(SlackApiException.class, e -> {
                    assertThat(e.error()).isEqualTo("channel_not_found");
                    assertThat(TransientFailures.isTransient(e)).isFalse();
                });
    }

    @Test
    void rateLimitingServerErrorsAndAnUnreachableSlackAreTriedAgainLater() {
        status = 429;
        retryAfter = "30";
        answer = "{\"ok\":false,\"error\":\"ratelimited\"}";
        assertThatThrownBy(() -> api().postMessage("C0123", "hello", null, null))
                .isInstanceOfSatisfying(TryAgainLaterException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
                    assertThat(TransientFailures.isTransient(e)).isTrue();
                });

        status = 503;
        retryAfter = null;
        assertThatThrownBy(() -> api().postMessage("C0123", "hello", null, null))
                .isInstanceOfSatisfying(TryAgainLaterException.class, e -> assertThat(e.retryAfter()).isEmpty());

        SlackWebApi gone = api();
        server.stop(0);
        assertThatThrownBy(() -> gone.postMessage("C0123", "hello", null, null))
                .isInstanceOfSatisfying(TryAgainLaterException.class,
                        e -> assertThat(TransientFailures.isTransient(e)).isTrue());
    }
}
