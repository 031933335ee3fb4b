package io.caseswarm.platform.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.platform.inbox.EventInbox;
import io.caseswarm.platform.store.ConcurrencyConflictException;
import io.caseswarm.platform.store.EventStoreException;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * A consumer of {@code ledger-events} that keeps running totals: its effect is a database write, so
 * applying an event twice would show as a wrong total.
 */
@ApplicationScoped
public class LedgerTotals {

    private final EventInbox inbox;
    private final DataSource dataSource;
    private final Map<String, Integer> racesToLose = new ConcurrentHashMap<>();
    private volatile boolean acceptNegativeAmounts;

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
                Integer left = racesToLose.computeIfPresent(posted.account(), (account, races) -> races - 1);
                if (left != null && left >= 0) {
                    throw new ConcurrencyConflictException(posted.account(), left);
                }
                add(posted.account(), posted.amount());
                remember(posted.account(), posted.sequence());
            }
        });
    }

    /** The "fix" a redrive test deploys: negative amounts are fine after all. */
    public void acceptNegativeAmounts(boolean accept) {
        acceptNegativeAmounts = accept;
    }

    /** Lets a test make the handler lose {@code races} optimistic-concurrency races on the account's next event. */
    public void loseRaces(String account, int races) {
        racesToLose.put(account, races);
    }

    /** The sequence numbers of the account's entries in the order they were applied. */
    public List<Integer> appliedSequences(String account) {
        List<Integer> sequences = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select sequence from ledger_entries where account = ? order by id")) {
            query.setString(1, account);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sequences.add(rows.getInt(1));
                }
            }
            return sequences;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void remember(String account, int sequence) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into ledger_entries (account, sequence) values (?, ?)")) {
            insert.setString(1, account);
            insert.setInt(2, sequence);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
        if (amount < 0 && !acceptNegativeAmounts) {
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
            // As the platform's own stores do: the cause says whether another try may succeed.
            throw new EventStoreException("Could not add to " + account, e);
        }
    }

    /** The consumer's own view of the payload: only the fields it needs. */
    public record EntryPostedView(String account, long amount, int sequence) {
    }

    public record Total(long total, int entries) {
    }
}
