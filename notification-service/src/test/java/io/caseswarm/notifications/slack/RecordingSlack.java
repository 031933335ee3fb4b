package io.caseswarm.notifications.slack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for Slack's Web API: records every request and answers as Slack does
 * ({@code {"ok": true, ...}} unless told otherwise).
 */
public final class RecordingSlack implements AutoCloseable {

    public static final String TS = "1503435956.000247";

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer;

    private RecordingSlack(HttpServer server) {
        this.server = server;
    }

    public static RecordingSlack start() throws IOException {
        RecordingSlack slack = new RecordingSlack(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        slack.server.createContext("/", slack::handle);
        slack.server.start();
        return slack;
    }

    /** The Web API's base, as caseswarm.notifications.slack.api-url takes it. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /** Answers every later request with this; null: Slack's success for chat.postMessage. */
    public void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        String body = answer != null ? answer : "{\"ok\":true,\"channel\":\"D024BE91L\",\"ts\":\"" + TS + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public record Request(String method, String path, String contentType, String authorization, String body) {

        public String header(String name) {
            return switch (name) {
                case "Content-Type" -> contentType;
                case "Authorization" -> authorization;
                default -> throw new IllegalArgumentException(name);
            };
        }
    }
}
