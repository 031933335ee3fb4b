package io.caseswarm.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.demo.Api;
import io.caseswarm.testing.TestDatabase;

/**
 * P5: the articles knowledge-service suggests for a new case's words ({@code POST /suggestions}, the query a
 * case-opened runs), over a knowledge base of published articles written in everyday support words. Each
 * article also holds error codes (its title one, its body a few at random); half the cases quote a code,
 * the other half are nothing but everyday words. One caller, one request after another.
 */
final class KnowledgeSuggestionBench {

    /** The words of support cases everywhere, the first ones the most common. */
    private static final List<String> EVERYDAY = List.of("account", "login", "password", "reset", "error", "message",
            "invoice", "payment", "sync", "email", "update", "app", "install", "setting", "user", "customer", "order",
            "refund", "shipping", "delivery", "address", "phone", "number", "report", "export", "import", "file",
            "upload", "download", "page", "screen", "button", "click", "load", "slow", "crash", "fail", "failure",
            "working", "issue", "problem", "help", "ticket", "request", "access", "permission", "admin", "role", "team",
            "data", "record", "field", "form", "save", "delete", "remove", "create", "change", "edit", "view", "open",
            "close", "connect", "connection", "network", "server", "browser", "mobile", "android", "iphone", "version",
            "release", "license", "plan", "subscription", "billing", "charge", "card", "credit", "bank", "transfer",
            "tax", "currency", "price", "discount", "coupon", "product", "item", "stock", "inventory", "warehouse",
            "dashboard", "chart", "filter", "search", "result", "list", "calendar", "schedule", "meeting",
            "notification", "alert", "reminder", "chat", "call", "voice", "video", "camera", "microphone", "audio",
            "sound", "printer", "print", "scan", "document", "pdf", "spreadsheet", "csv", "backup", "restore",
            "security", "token", "key", "certificate", "expired", "invalid", "missing", "duplicate", "wrong", "empty",
            "blank", "timeout", "limit", "quota", "storage", "space", "memory", "performance", "integration", "api",
            "webhook", "callback", "plugin", "extension", "language", "translation", "zone", "date", "format",
            "week", "month", "today", "yesterday", "morning", "evening", "again", "still", "suddenly", "tried",
            "restart", "reinstall", "clear", "cache", "cookie", "session", "logout", "locked", "blocked", "disabled",
            "enabled", "activate", "verify", "verification", "code", "sms", "factor", "authentication", "domain",
            "dns", "ssl", "port", "firewall", "proxy", "vpn", "wifi", "device", "laptop", "desktop", "tablet",
            "windows", "mac", "linux", "driver", "firmware");

    /** Articles written straight to the read model, triggers off, then the word counts taken once (as V5 does). */
    private static final String SEED = """
            with vocabulary as (select ?::text[] as w)
            insert into article_view (article_id, title, body, tags, product, status, visibility, created_at,
                updated_at, version)
            select gen_random_uuid(),
                (select string_agg(w[1 + floor(cardinality(w) * power(random(), 2))::int], ' ')
                    from vocabulary, generate_series(1, 5) where n > 0) || ' err' || (n % ?),
                (select string_agg(case when random() < 0.04 then 'err' || floor(random() * ?)::int
                        else w[1 + floor(cardinality(w) * power(random(), 2))::int] end, ' ')
                    from vocabulary, generate_series(1, 80) where n > 0),
                '[]', 'product-' || (n % 20), 'PUBLISHED', 'INTERNAL', now(), now(), 1
            from generate_series(1, ?) n""";
    private static final String COUNT_WORDS = """
            insert into article_lexeme (lexeme, articles)
            select word, ndoc from ts_stat('select search from article_view where status = ''PUBLISHED''')
            union all
            select '', count(*) from article_view where status = 'PUBLISHED'""";

    record Result(LatencySeries latency, double answeredWithSuggestions, double codeFirst) {
    }

    private final Api knowledge;
    private final int articles;
    private final int codes;
    private final SplittableRandom random = new SplittableRandom(5);

    KnowledgeSuggestionBench(String knowledgeUrl, String agentToken, int articles) {
        this.knowledge = new Api(knowledgeUrl).as(agentToken);
        this.articles = articles;
        this.codes = Math.max(1, articles * 2 / 5); // every code in two or three titles
    }

    /** Publishes {@code articles} articles; returns how long it took, in seconds. */
    double seed(TestDatabase database) {
        long started = System.nanoTime();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("alter table article_view disable trigger user");
            try (PreparedStatement insert = connection.prepareStatement(SEED)) {
                insert.setArray(1, connection.createArrayOf("text", EVERYDAY.toArray()));
                insert.setInt(2, codes);
                insert.setInt(3, codes);
                insert.setInt(4, articles);
                insert.executeUpdate();
            }
            statement.execute("alter table article_view enable trigger user");
            statement.execute("truncate article_lexeme");
            statement.execute(COUNT_WORDS);
            statement.execute("analyze article_view");
            statement.execute("analyze article_lexeme");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seed " + articles + " articles", e);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    Result run(int warmUp, int timed) {
        LatencySeries latency = new LatencySeries("P5 POST /suggestions over %,d articles".formatted(articles));
        for (int i = 0; i < warmUp; i++) {
            suggest(caseText(i).text());
        }
        int answered = 0;
        int quoted = 0;
        int codeFirst = 0;
        for (int i = 0; i < timed; i++) {
            CaseText text = caseText(i);
            long started = System.nanoTime();
            JsonNode suggestions = suggest(text.text());
            latency.recordNanos(System.nanoTime() - started);
            answered += suggestions.isEmpty() ? 0 : 1;
            if (text.code() != null) {
                quoted++;
                codeFirst += !suggestions.isEmpty() && suggestions.get(0).path("title").asText().endsWith(" " + text.code()) ? 1 : 0;
            }
        }
        return new Result(latency, 100.0 * answered / timed, 100.0 * codeFirst / Math.max(1, quoted));
    }

    private JsonNode suggest(String text) {
        return knowledge.post("/suggestions", Map.of("text", text)).expect(200);
    }

    /** A case: twelve everyday words, and on every other case an error code some articles hold. */
    private CaseText caseText(int i) {
        List<String> words = new ArrayList<>();
        for (int w = 0; w < 12; w++) {
            words.add(EVERYDAY.get((int) (EVERYDAY.size() * Math.pow(random.nextDouble(), 2))));
        }
        String code = i % 2 == 0 ? "err" + random.nextInt(codes) : null;
        if (code != null) {
            words.add(random.nextInt(words.size()), code);
        }
        return new CaseText(String.join(" ", words), code);
    }

    private record CaseText(String text, String code) {
    }
}
