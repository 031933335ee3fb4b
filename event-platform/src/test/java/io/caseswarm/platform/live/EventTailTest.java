package io.caseswarm.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.caseswarm.platform.ledger.Ledger;
import io.caseswarm.platform.ledger.LedgerEvent.EntryPosted;
import io.caseswarm.platform.store.StoredEvent;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The tail hands out events in store order even when transactions commit out of it: an event whose
 * transaction took its position first but commits last holds the later ones back until it is in, and a
 * position whose transaction rolled back is passed over once that transaction has ended.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "extra-topics", value = "ledger-events,ledger-events-dlq") })
class EventTailTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    EventTail tail;

    @Inject
    Ledger ledger;

    @Test
    void aLateCommitIsHandedOutInItsPlaceBeforeTheEventsThatCommittedBeforeIt() throws Exception {
        String early = "acct-" + UUID.randomUUID();
        String later = "acct-" + UUID.randomUUID();
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        try (AutoCloseable subscription = tail.subscribe(event -> {
            if (List.of(early, later).contains(event.streamId())) {
                seen.add(event.streamId());
            }
        })) {
            CountDownLatch appended = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Thread slow = Thread.ofPlatform().start(() -> QuarkusTransaction.requiringNew().run(() -> {
                ledger.append(early, 0, List.of(new EntryPosted(early, 1, 1)));
                appended.countDown();
                hold(commit);
            }));
            assertThat(appended.await(20, TimeUnit.SECONDS)).isTrue();
            ledger.append(later, 0, List.of(new EntryPosted(later, 2, 1)));

            // The later event is committed, but the earlier position is still in flight: the tail waits.
            await().during(Duration.ofMillis(700)).atMost(PATIENCE).until(seen::isEmpty);
            commit.countDown();
            slow.join();
            await().atMost(PATIENCE).until(() -> seen.size() == 2);
            assertThat(seen).containsExactly(early, later);
        }
    }

    @Test
    void aPositionWhoseTransactionRolledBackIsPassedOverOnceItEnded() throws Exception {
        String rolledBack = "acct-" + UUID.randomUUID();
        String kept = "acct-" + UUID.randomUUID();
        Queue<StoredEvent> seen = new ConcurrentLinkedQueue<>();
        try (AutoCloseable subscription = tail.subscribe(event -> {
            if (List.of(rolledBack, kept).contains(event.streamId())) {
                seen.add(event);
            }
        })) {
            CountDownLatch appended = new CountDownLatch(1);
            CountDownLatch rollBack = new CountDownLatch(1);
            Thread failing = Thread.ofPlatform().start(() -> {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        ledger.append(rolledBack, 0, List.of(new EntryPosted(rolledBack, 1, 1)));
                        appended.countDown();
                        hold(rollBack);
                        throw new IllegalStateException("changed its mind");
                    });
                } catch (IllegalStateException expected) {
                    // rolled back
                }
            });
            assertThat(appended.await(20, TimeUnit.SECONDS)).isTrue();
            ledger.append(kept, 0, List.of(new EntryPosted(kept, 2, 1)));
            await().during(Duration.ofMillis(700)).atMost(PATIENCE).until(seen::isEmpty);

            rollBack.countDown();
            failing.join();
            await().atMost(PATIENCE).until(() -> !seen.isEmpty());
            assertThat(seen).extracting(StoredEvent::streamId).containsExactly(kept);
            assertThat(tail.position()).isGreaterThanOrEqualTo(seen.peek().position());
        }
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
