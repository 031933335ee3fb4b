package io.caseswarm.knowledge;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.TestDatabase;

/** Cases opened as case-service opens them, on case-events, once the knowledge base has seen them. */
public record OpenedCases(EventSender events, TestDatabase database) {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** A new case, returned once knowledge-service has recorded it. */
    public UUID open() {
        UUID caseId = UUID.randomUUID();
        events.send("case-events", caseId.toString(), "case-opened", """
                {"caseId":"%s","number":"CS-000900","subject":"Keys expired","description":"SFTP logins fail.",
                 "product":"File Transfer","openedAt":"%s"}""".formatted(caseId, Instant.now()));
        await().atMost(PATIENCE).until(() -> seen(caseId));
        return caseId;
    }

    private boolean seen(UUID caseId) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("select 1 from seen_case where case_id = ?")) {
            query.setObject(1, caseId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
