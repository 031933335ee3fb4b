package io.caseswarm.platform.ledger;

import io.caseswarm.platform.event.EventType;

/** The events of a test aggregate: just enough domain to exercise the platform. */
public sealed interface LedgerEvent {

    @EventType("entry-posted")
    record EntryPosted(String account, long amount, int sequence) implements LedgerEvent {
    }

    /** What the test ledger's deadline handler appends when a reminder is due. */
    @EventType("reminder-sent")
    record ReminderSent(String account, String key, String note) implements LedgerEvent {
    }

    @EventType(value = "account-closed", version = 2)
    record AccountClosed(String account) implements LedgerEvent {
    }
}
