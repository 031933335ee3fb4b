package io.caseswarm.slackstandin;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Answers Slack's Web API ({@code POST /api/{method}}) as Slack does, for the methods Caseswarm calls, and
 * keeps every request: {@code GET /_recorded} lists them as JSON (optionally {@code ?method=chat.update}),
 * {@code DELETE /_recorded} forgets them. It checks what Slack checks first (a bearer token; the bot token
 * when one is configured; a channel and a text or blocks for messages) and answers Slack's errors
 * ({@code not_authed}, {@code invalid_auth}, {@code channel_not_found}, {@code no_text}) otherwise.
 *
 * <p>Run: {@code java -cp 'libs/*' io.caseswarm.slackstandin.SlackStandIn [port] [bot token]}.
 */
public final class SlackStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Messages posted with this channel id fail as if the channel did not exist (to test refusals). */
    public static final String MISSING_CHANNEL = "C0MISSING";

    private final HttpServer server;
    private final String botToken;
    private final List<ObjectNode> recorded = new ArrayList<>();
    private final AtomicLong messages = new AtomicLong();
    /** Channels made with conversations.create: name to id, and who is in each (id to user ids). */
    private final Map<String, String> channelIds = new HashMap<>();
    private final Map<String, Set<String>> channelMembers = new HashMap<>();
    private final Set<String> archived = new HashSet<>();

    private SlackStandIn(HttpServer server, String botToken) {
        this.server = server;
        this.botToken = botToken;
    }

    /** Listens on 127.0.0.1:{@code port} (0: a free one); {@code botToken} null accepts any bearer token. */
    public static SlackStandIn start(int port, String botToken) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        SlackStandIn standIn = new SlackStandIn(server, botToken);
        server.createContext("/api/", standIn::answerMethod);
        server.createContext("/_recorded", standIn::answerRecorded);
        server.start();
        return standIn;
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8086;
        SlackStandIn standIn = start(port, args.length > 1 ? args[1] : null);
        System.out.println("Slack stand-in: Web API at " + standIn.apiUrl() + ", recorded requests at "
                + standIn.baseUrl() + "/_recorded");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What to configure as the Web API's base URL (Slack's is https://slack.com/api). */
    public String apiUrl() {
        return baseUrl() + "/api";
    }

    /** Every request so far, oldest first, as {@code GET /_recorded} shows them. */
    public synchronized List<JsonNode> recorded() {
        return List.copyOf(recorded);
    }

    public synchronized void forget() {
        recorded.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answerMethod(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String raw = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
        JsonNode arguments = parseArguments(contentType, raw);

        ObjectNode record = JSON.createObjectNode().put("method", method)
                .put("httpMethod", exchange.getRequestMethod()).put("contentType", contentType)
                .put("authorization", authorization).put("receivedAt", Instant.now().toString());
        record.set("body", arguments);
        ObjectNode answer = answer(method, authorization, arguments);
        record.set("answer", answer);
        synchronized (this) {
            recorded.add(record);
        }
        send(exchange, 200, answer);
    }

    private ObjectNode answer(String method, String authorization, JsonNode arguments) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return error("not_authed");
        }
        if (botToken != null && !authorization.equals("Bearer " + botToken)) {
            return error("invalid_auth");
        }
        String channel = arguments.path("channel").asText(null);
        return switch (method) {
            case "chat.postMessage", "chat.update", "chat.postEphemeral" -> {
                if (channel == null || channel.isBlank() || MISSING_CHANNEL.equals(channel)) {
                    yield error("channel_not_found");
                }
                if (!arguments.hasNonNull("text") && !arguments.hasNonNull("blocks")) {
                    yield error("no_text");
                }
                if (method.equals("chat.postEphemeral")) {
                    yield ok().put("message_ts", nextTs());
                }
                String ts = method.equals("chat.update") ? arguments.path("ts").asText() : nextTs();
                ObjectNode answer = ok().put("channel", channel).put("ts", ts);
                ObjectNode message = answer.putObject("message").put("text", arguments.path("text").asText())
                        .put("ts", ts);
                if (arguments.has("blocks")) {
                    message.set("blocks", arguments.get("blocks"));
                }
                yield answer;
            }
            case "views.open" -> {
                ObjectNode answer = ok();
                answer.set("view", JSON.createObjectNode().put("id", "V" + messages.incrementAndGet()));
                yield answer;
            }
            case "conversations.create" -> createChannel(arguments.path("name").asText(""));
            case "conversations.invite" -> invite(channel, arguments.path("users").asText(""));
            case "conversations.archive" -> archive(channel);
            case "auth.test" -> ok().put("user_id", "U0STANDIN").put("bot_id", "B0STANDIN").put("team", "Stand-in");
            default -> ok();
        };
    }

    /** As Slack names channels: lower case letters, digits, hyphens and underscores, 1 to 80 of them. */
    private synchronized ObjectNode createChannel(String name) {
        if (!name.matches("[a-z0-9_-]{1,80}")) {
            return error("invalid_name_specials");
        }
        if (channelIds.containsKey(name)) {
            return error("name_taken");
        }
        String id = "C" + Long.toString(1_000_000 + messages.incrementAndGet(), 36).toUpperCase();
        channelIds.put(name, id);
        channelMembers.put(id, new HashSet<>());
        ObjectNode answer = ok();
        answer.putObject("channel").put("id", id).put("name", name).put("is_channel", true).put("is_private", false);
        return answer;
    }

    private synchronized ObjectNode invite(String channel, String users) {
        Set<String> members = channelMembers.get(channel);
        if (members == null) {
            return error("channel_not_found");
        }
        if (archived.contains(channel)) {
            return error("is_archived");
        }
        if (users.isBlank()) {
            return error("no_user");
        }
        List<String> invited = List.of(users.split(","));
        if (members.containsAll(invited)) {
            return error("already_in_channel");
        }
        members.addAll(invited);
        ObjectNode answer = ok();
        answer.putObject("channel").put("id", channel);
        return answer;
    }

    private synchronized ObjectNode archive(String channel) {
        if (!channelMembers.containsKey(channel)) {
            return error("channel_not_found");
        }
        return archived.add(channel) ? ok() : error("already_archived");
    }

    private void answerRecorded(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("DELETE")) {
            forget();
            send(exchange, 200, ok());
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        String only = query != null && query.startsWith("method=") ? URLDecoder.decode(query.substring(7), UTF_8) : null;
        ArrayNode list = JSON.createArrayNode();
        for (JsonNode record : recorded()) {
            if (only == null || only.equals(record.path("method").asText())) {
                list.add(record);
            }
        }
        send(exchange, 200, list);
    }

    /** Slack takes JSON bodies and form-encoded ones; both are recorded as JSON. */
    private static JsonNode parseArguments(String contentType, String raw) {
        if (contentType != null && contentType.startsWith("application/json")) {
            try {
                return JSON.readTree(raw);
            } catch (IOException e) {
                return JSON.createObjectNode().put("unparsable", raw);
            }
        }
        ObjectNode form = JSON.createObjectNode();
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8);
                form.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8));
            }
        }
        return form;
    }

    private String nextTs() {
        return "%d.%06d".formatted(Instant.now().getEpochSecond(), messages.incrementAndGet() % 1_000_000);
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    private static ObjectNode error(String code) {
        return JSON.createObjectNode().put("ok", false).put("error", code);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] out = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }
}
