package io.caseswarm.platform.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * A consumer of {@code ledger-events} that keeps running totals: its effect is a database write, so
 * applying an event twice would show as a wrong total.
 */
@ApplicationScoped
public class LedgerTotals {

    private final EventInbox inbox;
    private final DataSource dataSource;

    LedgerTotals(EventInbox inbox, DataSource dataSource) {
        this.inbox = inbox;
        this.dataSource = dataSource;
    }

    @Incoming("ledger-events")
    @Blocking
    public void onLedgerEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            if ("entry-posted".equals(event.type())) {
                EntryPostedView posted = event.dataAs(EntryPostedView.class);
                add(posted.account(), posted.amount());
            }
        });
    }

    public Optional<Total> total(String account) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select total, entries from ledger_totals where account = ?")) {
            query.setString(1, account);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Total(row.getLong(1), row.getInt(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void add(String account, long amount) {
        if (amount < 0) {
            // Lets a test make a handler fail on an otherwise well-formed event.
            throw new IllegalArgumentException("negative amounts are refused");
        }
        String sql = "insert into ledger_totals (account, total, entries) values (?, ?, 1) on conflict (account)"
                + " do update set total = ledger_totals.total + excluded.total, entries = ledger_totals.entries + 1";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, account);
            upsert.setLong(2, amount);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The consumer's own view of the payload: only the fields it needs. */
    public record EntryPostedView(String account, long amount) {
    }

    public record Total(long total, int entries) {
    }
}
