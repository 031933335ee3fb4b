package io.caseswarm.cases.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.cases.domain.AuthorRole;
import io.caseswarm.cases.domain.CaseEvent.CaseMessageAdded;
import io.caseswarm.cases.domain.CaseEvent.CaseStatusChanged;
import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.sla.BusinessTime;
import io.caseswarm.cases.sla.SlaClock;
import io.caseswarm.cases.sla.SlaMilestone;
import io.caseswarm.cases.sla.SlaState;
import io.caseswarm.cases.sla.SlaTargets;

/** What each case event does to a case's SLA clock: who answers, and which status waits. */
class CaseSlaEventsTest {

    private static final UUID CASE = UUID.randomUUID();
    private static final Instant OPENED = Instant.parse("2026-12-01T09:00:00Z");

    private final CaseSla sla = new CaseSla("urgent", "default", new SlaClock(
            new SlaTargets(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(8), 0.75, false),
            BusinessTime.ALWAYS));

    @Test
    void aPersonsPublicReplyMeetsTheFirstResponseButAnAutomationsReplyOrAnInternalNoteDoesNot() {
        sla.clock().opened(OPENED);

        assertThat(sla.follow(message("automation:acknowledge", AuthorRole.INTEGRATION, Visibility.PUBLIC, 5))).isEmpty();
        assertThat(sla.follow(message("ana.lima", AuthorRole.AGENT, Visibility.INTERNAL, 10))).isEmpty();
        assertThat(state(SlaMilestone.FIRST_RESPONSE, 20)).isEqualTo(SlaState.RUNNING);

        assertThat(sla.follow(message("ana.lima", AuthorRole.AGENT, Visibility.PUBLIC, 30)))
                .singleElement().satisfies(met -> assertThat(met.milestone()).isEqualTo(SlaMilestone.FIRST_RESPONSE));
    }

    @Test
    void theCustomerWritingAfterAReplyStartsTheNextResponse() {
        sla.clock().opened(OPENED);
        sla.follow(message("ana.lima", AuthorRole.AGENT, Visibility.PUBLIC, 10));
        sla.follow(message("cust-1", AuthorRole.CUSTOMER, Visibility.PUBLIC, 20));

        assertThat(sla.clock().breachAt(SlaMilestone.NEXT_RESPONSE)).contains(at(20).plus(Duration.ofHours(2)));
    }

    @Test
    void onHoldPausesOnlyWhenThePolicySaysSoWhilePendingAlwaysDoes() {
        sla.clock().opened(OPENED);
        sla.follow(status(CaseStatus.OPEN, CaseStatus.ON_HOLD, 10));
        assertThat(state(SlaMilestone.FIRST_RESPONSE, 20)).isEqualTo(SlaState.RUNNING);

        sla.follow(status(CaseStatus.ON_HOLD, CaseStatus.PENDING, 20));
        assertThat(state(SlaMilestone.FIRST_RESPONSE, 50)).isEqualTo(SlaState.PAUSED);

        sla.follow(status(CaseStatus.PENDING, CaseStatus.OPEN, 50));
        assertThat(sla.clock().breachAt(SlaMilestone.FIRST_RESPONSE)).contains(at(50).plus(Duration.ofMinutes(40)));
    }

    private SlaState state(SlaMilestone milestone, int minutes) {
        return sla.clock().at(at(minutes)).stream().filter(status -> status.milestone() == milestone)
                .findFirst().orElseThrow().state();
    }

    private static CaseMessageAdded message(String author, AuthorRole role, Visibility visibility, int minutes) {
        return new CaseMessageAdded(CASE, "CS-000001", UUID.randomUUID(), author, role, visibility, "Hello",
                List.of(), at(minutes));
    }

    private static CaseStatusChanged status(CaseStatus from, CaseStatus to, int minutes) {
        return new CaseStatusChanged(CASE, "CS-000001", from, to, null, "ana.lima", at(minutes));
    }

    private static Instant at(int minutes) {
        return OPENED.plus(Duration.ofMinutes(minutes));
    }
}
