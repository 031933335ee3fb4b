package io.caseswarm.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.cases.domain.CaseEvent.CaseAssigned;
import io.caseswarm.cases.domain.CaseEvent.CaseOpened;
import io.caseswarm.cases.domain.CaseEvent.CaseResolved;
import io.caseswarm.platform.rest.CommandRejectedException;

/** Given past events, when a command, expect events (or a refusal): the case's rules without any framework. */
class CaseTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final UUID CASE_ID = UUID.fromString("7d8f3f0e-9c1b-4c53-a3c2-6a9f1f3b2e10");
    private static final Customer ADA = new Customer("cust-1", "Ada Lovelace", "ada@example.com");
    private static final CaseOpened OPENED = new CaseOpened(CASE_ID, "CS-000042", "Invoices fail to sync",
            "Stops at 40%", ADA, Channel.WEB, "Billing Cloud", Priority.HIGH, NOW);
    private static final CaseAssigned ASSIGNED_TO_ANA = new CaseAssigned(CASE_ID, "CS-000042", "ana.lima", NOW);
    private static final Resolution FIX = new Resolution("Rotated the expired sync token", List.of("raj.patel"));

    @Test
    void openingACaseRecordsWhatItIsAboutWhoItIsForAndHowItArrived() {
        OpenCase command = new OpenCase(CASE_ID, "  Invoices fail to sync ", " Stops at 40%\n", ADA, Channel.WEB,
                "Billing Cloud", Priority.HIGH, null);

        assertThat(Case.open(command, "CS-000042", NOW)).containsExactly(OPENED);
    }

    @Test
    void aCaseWithoutChannelOrPriorityCameThroughTheApiAtNormalPriority() {
        OpenCase command = new OpenCase(CASE_ID, "Login loop", "Redirects forever", ADA, null, null, null, null);

        CaseOpened opened = (CaseOpened) Case.open(command, "CS-000001", NOW).getFirst();

        assertThat(opened.channel()).isEqualTo(Channel.API);
        assertThat(opened.priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void anOwnerGivenOnOpenIsAssignedAtOnce() {
        OpenCase command = new OpenCase(CASE_ID, "Invoices fail to sync", "Stops at 40%", ADA, Channel.WEB,
                "Billing Cloud", Priority.HIGH, "ana.lima");

        assertThat(Case.open(command, "CS-000042", NOW)).containsExactly(OPENED, ASSIGNED_TO_ANA);
    }

    @Test
    void anUnownedCaseIsAssigned() {
        assertThat(given(OPENED).assign("ana.lima", NOW)).containsExactly(ASSIGNED_TO_ANA);
    }

    @Test
    void theOwnerKeepsTheCaseUntilItIsResolved() {
        assertThatThrownBy(() -> given(OPENED, ASSIGNED_TO_ANA).assign("raj.patel", NOW))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("owned by ana.lima");
    }

    @Test
    void assigningTheSameOwnerAgainChangesNothing() {
        assertThat(given(OPENED, ASSIGNED_TO_ANA).assign("ana.lima", NOW)).isEmpty();
    }

    @Test
    void resolvingCarriesTheProblemTheFixAndTheCustomer() {
        assertThat(given(OPENED, ASSIGNED_TO_ANA).resolve(FIX, NOW)).containsExactly(new CaseResolved(CASE_ID,
                "CS-000042", "Invoices fail to sync", "Stops at 40%", "Billing Cloud", ADA, "ana.lima", FIX, NOW));
    }

    @Test
    void aCaseWithoutOwnerCannotBeResolved() {
        assertThatThrownBy(() -> given(OPENED).resolve(FIX, NOW))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("no owner");
    }

    @Test
    void aResolvedCaseIsNeitherResolvedAgainNorReassigned() {
        CaseResolved resolved = (CaseResolved) given(OPENED, ASSIGNED_TO_ANA).resolve(FIX, NOW).getFirst();

        assertThatThrownBy(() -> given(OPENED, ASSIGNED_TO_ANA, resolved).resolve(FIX, NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("resolved");
        assertThatThrownBy(() -> given(OPENED, ASSIGNED_TO_ANA, resolved).assign("raj.patel", NOW))
                .isInstanceOf(CommandRejectedException.class);
    }

    @Test
    void replayingItsHistoryRestoresStateAndVersion() {
        Case replayed = given(OPENED, ASSIGNED_TO_ANA);

        assertThat(replayed.id()).isEqualTo(CASE_ID);
        assertThat(replayed.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(replayed.ownerId()).isEqualTo("ana.lima");
        assertThat(replayed.version()).isEqualTo(2);
    }

    private static Case given(CaseEvent... history) {
        return Case.replay(List.of(history));
    }
}
