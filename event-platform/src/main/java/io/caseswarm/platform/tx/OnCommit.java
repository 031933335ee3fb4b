package io.caseswarm.platform.tx;

import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Changes to in-memory state that must follow the database: gathered during a transaction, applied once it
 * commits and dropped if it rolls back, so memory never shows what the database does not hold.
 */
@ApplicationScoped
public class OnCommit {

    private final TransactionSynchronizationRegistry transactions;

    OnCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /**
     * The current transaction's changes under {@code key}: made by {@code create} the first time it is asked for
     * in a transaction, and handed to {@code apply} when that transaction commits.
     */
    @SuppressWarnings("unchecked")
    public <T> T changes(Object key, Supplier<T> create, Consumer<T> apply) {
        T changes = (T) transactions.getResource(key);
        if (changes == null) {
            T created = create.get();
            transactions.putResource(key, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        apply.accept(created);
                    }
                }
            });
            changes = created;
        }
        return changes;
    }
}
