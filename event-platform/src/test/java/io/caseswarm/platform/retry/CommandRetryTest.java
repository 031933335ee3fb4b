package io.caseswarm.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.caseswarm.platform.ledger.Ledger;
import io.caseswarm.platform.ledger.LedgerEvent;
import io.caseswarm.platform.ledger.LedgerEvent.EntryPosted;
import io.caseswarm.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "extra-topics", value = "ledger-events,ledger-events-dlq") })
class CommandRetryTest {

    private static final int POSTERS = 8;

    @Inject
    Ledger ledger;

    @Test
    void commandsRacingOnOneAggregateAreDecidedAgainAndAllSucceed() throws Exception {
        String account = "acct-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(POSTERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> posts = java.util.stream.IntStream.rangeClosed(1, POSTERS)
                    .mapToObj(amount -> pool.submit(() -> {
                        start.await();
                        ledger.post(account, amount);
                        return null;
                    })).toList();
            start.countDown();
            for (Future<Object> post : posts) {
                post.get(); // throws if any poster saw the conflict
            }
        } finally {
            pool.shutdownNow();
        }

        List<LedgerEvent> history = ledger.history(account);
        assertThat(history).hasSize(POSTERS);
        assertThat(history).extracting(event -> ((EntryPosted) event).sequence())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(history).extracting(event -> ((EntryPosted) event).amount())
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }
}
