package io.caseswarm.platform.ledger;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.platform.event.EventTypes;
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

    public List<LedgerEvent> history(String account) {
        return store.load(account, TYPES);
    }
}
