package io.caseswarm.platform.ledger;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.platform.event.EventTypes;
import io.caseswarm.platform.retry.RetryOnConflict;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;

/** Commands of the test ledger, each in its own transaction, as a service's command handler would be. */
@ApplicationScoped
public class Ledger {

    public static final String STREAM_TYPE = "ledger";
    public static final EventTypes<LedgerEvent> TYPES = EventTypes.of(LedgerEvent.class);

    private final EventStore store;

    Ledger(EventStore store) {
        this.store = store;
    }

    @Transactional
    public List<StoredEvent> append(String account, long expectedVersion, List<LedgerEvent> events) {
        return store.append(STREAM_TYPE, account, expectedVersion, events);
    }

    /** Opens each account, which must be new, with its first entry, in one append of many streams. */
    @Transactional
    public List<StoredEvent> openAll(List<String> accounts) {
        return store.appendAll(accounts.stream().map(account -> new EventStore.Append(STREAM_TYPE, account, 0,
                List.of(new LedgerEvent.EntryPosted(account, 1, 1)))).toList());
    }

    /**
     * Posts the next entry of the account, decided on its current history, as a service's command does:
     * of several posts at once, the losers of the race decide again instead of failing.
     */
    @RetryOnConflict(attempts = 20)
    @Transactional
    public void post(String account, long amount) {
        List<LedgerEvent> history = history(account);
        store.append(STREAM_TYPE, account, history.size(),
                List.of(new LedgerEvent.EntryPosted(account, amount, history.size() + 1)));
    }

    public List<LedgerEvent> history(String account) {
        return store.load(account, TYPES);
    }
}
