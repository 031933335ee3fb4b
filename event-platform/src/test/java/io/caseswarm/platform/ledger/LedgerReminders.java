package io.caseswarm.platform.ledger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.platform.deadline.Deadline;
import io.caseswarm.platform.deadline.DeadlineHandler;
import io.caseswarm.platform.ledger.LedgerEvent.ReminderSent;
import io.caseswarm.platform.store.ConcurrencyConflictException;
import io.caseswarm.platform.store.EventStore;

/**
 * The test ledger's deadlines: a reminder due for an account appends {@code reminder-sent} to it, as a
 * service's command would. Tests can make it fail, and read how often it was called.
 */
@ApplicationScoped
public class LedgerReminders implements DeadlineHandler {

    public static final String KIND = "ledger-reminder";

    private final EventStore store;
    private final Map<String, Integer> transientFailuresLeft = new ConcurrentHashMap<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    LedgerReminders(EventStore store) {
        this.store = store;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Joins the firing transaction, as a service's command handler would. */
    @Override
    @Transactional
    public void fire(Deadline deadline) {
        String account = deadline.aggregateId();
        calls.computeIfAbsent(account + "/" + deadline.key(), k -> new AtomicInteger()).incrementAndGet();
        long version = store.load(account).size();
        store.append(Ledger.STREAM_TYPE, account, version,
                List.of(new ReminderSent(account, deadline.key(), deadline.payload().path("note").asText(null))));
        // Failing after the append proves that the append goes when the firing does.
        Integer left = transientFailuresLeft.computeIfPresent(account, (a, failures) -> failures - 1);
        if (left != null && left >= 0) {
            throw new ConcurrencyConflictException(account, version);
        }
        String refusal = refusals.get(account);
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
    }

    /** The account's next {@code failures} reminders lose an optimistic-concurrency race. */
    public void loseRaces(String account, int failures) {
        transientFailuresLeft.put(account, failures);
    }

    /** Every reminder of the account fails for a reason another try does not cure. */
    public void refuse(String account, String reason) {
        refusals.put(account, reason);
    }

    /** How often the handler was called for the deadline, whether its firing committed or not. */
    public int calls(String account, String key) {
        AtomicInteger count = calls.get(account + "/" + key);
        return count == null ? 0 : count.get();
    }

    public void forget() {
        transientFailuresLeft.clear();
        refusals.clear();
        calls.clear();
    }
}
