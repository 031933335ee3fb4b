package io.caseswarm.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.cases.domain.CaseEvent.CaseOpened;

/** Given past events, when a command, expect events: the case's rules without any framework. */
class CaseTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final UUID CASE_ID = UUID.fromString("7d8f3f0e-9c1b-4c53-a3c2-6a9f1f3b2e10");
    private static final Customer ADA = new Customer("cust-1", "Ada Lovelace", "ada@example.com");

    @Test
    void openingACaseRecordsWhatItIsAboutWhoItIsForAndHowItArrived() {
        OpenCase command = new OpenCase(CASE_ID, "  Invoices fail to sync ", " Since Monday the sync stops at 40%.\n",
                ADA, Channel.EMAIL, "Billing Cloud", Priority.HIGH);

        assertThat(Case.open(command, "CS-000042", NOW)).containsExactly(new CaseOpened(CASE_ID, "CS-000042",
                "Invoices fail to sync", "Since Monday the sync stops at 40%.", ADA, Channel.EMAIL, "Billing Cloud",
                Priority.HIGH, NOW));
    }

    @Test
    void aCaseWithoutChannelOrPriorityCameThroughTheApiAtNormalPriority() {
        OpenCase command = new OpenCase(CASE_ID, "Login loop", "Redirects forever", ADA, null, null, null);

        CaseOpened opened = (CaseOpened) Case.open(command, "CS-000001", NOW).getFirst();

        assertThat(opened.channel()).isEqualTo(Channel.API);
        assertThat(opened.priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void replayingItsHistoryGivesAnOpenCaseAtVersionOne() {
        Case replayed = Case.replay(List.of(new CaseOpened(CASE_ID, "CS-000042", "Invoices fail to sync", "Stops",
                ADA, Channel.WEB, null, Priority.LOW, NOW)));

        assertThat(replayed.id()).isEqualTo(CASE_ID);
        assertThat(replayed.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(replayed.version()).isEqualTo(1);
    }
}
