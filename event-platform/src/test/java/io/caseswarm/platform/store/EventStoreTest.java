package io.caseswarm.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.caseswarm.platform.ledger.Ledger;

import io.caseswarm.platform.ledger.LedgerEvent.AccountClosed;
import io.caseswarm.platform.ledger.LedgerEvent.EntryPosted;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "extra-topics", value = "ledger-events,ledger-events-dlq"),
        @ResourceArg(name = "own-broker", value = "true") })
class EventStoreTest {

    @Inject
    Ledger ledger;

    @Inject
    EventStore store;

    @Test
    void appendedEventsAreLoadedBackInOrderWithTheirTypesAndVersions() {
        String account = newAccount();
        List<StoredEvent> stored = ledger.append(account, 0,
                List.of(new EntryPosted(account, 10, 1), new EntryPosted(account, 5, 2), new AccountClosed(account)));

        assertThat(stored).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L);
        assertThat(stored).extracting(StoredEvent::type).containsExactly("entry-posted", "entry-posted", "account-closed");
        assertThat(stored).extracting(StoredEvent::schemaVersion).containsExactly(1, 1, 2);
        assertThat(store.load(account)).isEqualTo(stored);
        assertThat(ledger.history(account)).containsExactly(
                new EntryPosted(account, 10, 1), new EntryPosted(account, 5, 2), new AccountClosed(account));
    }

    @Test
    void appendingAtAStaleVersionIsAConflictAndWritesNothing() {
        String account = newAccount();
        ledger.append(account, 0, List.of(new EntryPosted(account, 1, 1)));

        assertThatThrownBy(() -> ledger.append(account, 0, List.of(new EntryPosted(account, 2, 2))))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThatThrownBy(() -> ledger.append(account, 5, List.of(new EntryPosted(account, 3, 3))))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(ledger.history(account)).containsExactly(new EntryPosted(account, 1, 1));
    }

    @Test
    void anAppendToManyStreamsWithOneOfThemStaleWritesNoneAndNamesTheStaleOne() {
        String fresh = newAccount();
        String opened = newAccount();
        String another = newAccount();
        ledger.append(opened, 0, List.of(new EntryPosted(opened, 1, 1)));

        assertThatThrownBy(() -> ledger.openAll(List.of(fresh, opened, another)))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class,
                        conflict -> assertThat(conflict.streamId()).isEqualTo(opened));
        assertThat(store.load(fresh)).isEmpty();
        assertThat(store.load(another)).isEmpty();
        assertThat(store.load(opened)).hasSize(1);

        assertThat(ledger.openAll(List.of(fresh, another))).extracting(StoredEvent::streamId)
                .containsExactly(fresh, another);
    }

    @Test
    void ofTwoConcurrentWritersExactlyOneWinsAndTheOtherCanRetry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String account = newAccount();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<StoredEvent>>> writers = new ArrayList<>();
                for (int writer = 1; writer <= 2; writer++) {
                    int amount = writer;
                    Callable<List<StoredEvent>> write = () -> {
                        go.await();
                        return ledger.append(account, 0, List.of(new EntryPosted(account, amount, 1)));
                    };
                    writers.add(pool.submit(write));
                }
                go.countDown();

                List<Future<List<StoredEvent>>> winners = new ArrayList<>();
                List<Throwable> losers = new ArrayList<>();
                for (Future<List<StoredEvent>> writer : writers) {
                    try {
                        writer.get();
                        winners.add(writer);
                    } catch (ExecutionException e) {
                        losers.add(e.getCause());
                    }
                }
                assertThat(winners).hasSize(1);
                assertThat(losers).singleElement().isInstanceOf(ConcurrencyConflictException.class);
                assertThat(store.load(account)).hasSize(1);

                // The loser reloads the stream and retries at the version it now sees.
                long current = store.load(account).size();
                ledger.append(account, current, List.of(new EntryPosted(account, 7, 2)));
                assertThat(store.load(account)).extracting(StoredEvent::version).containsExactly(1L, 2L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readAllReturnsEveryStreamInStoreOrderForRebuildingProjections() {
        String first = newAccount();
        String second = newAccount();
        ledger.append(first, 0, List.of(new EntryPosted(first, 1, 1)));
        ledger.append(second, 0, List.of(new EntryPosted(second, 2, 1)));
        ledger.append(first, 1, List.of(new EntryPosted(first, 3, 2)));

        List<StoredEvent> all = new ArrayList<>();
        long after = 0;
        List<StoredEvent> page;
        while (!(page = store.readAll(after, 2)).isEmpty()) {
            all.addAll(page);
            after = page.getLast().position();
        }

        assertThat(all).extracting(StoredEvent::position).isSorted();
        assertThat(all.stream().filter(e -> e.streamId().equals(first) || e.streamId().equals(second)))
                .extracting(e -> store.decode(e, Ledger.TYPES))
                .containsExactly(new EntryPosted(first, 1, 1), new EntryPosted(second, 2, 1),
                        new EntryPosted(first, 3, 2));
    }

    private static String newAccount() {
        return "acct-" + UUID.randomUUID();
    }

}
