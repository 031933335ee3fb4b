package io.caseswarm.cases.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.caseswarm.cases.calendar.BusinessCalendar;
import io.caseswarm.cases.calendar.Holidays;
import io.caseswarm.cases.calendar.WorkingSpan;
import io.caseswarm.cases.sla.SlaClock.SlaStatus;
import io.caseswarm.cases.sla.SlaClock.Stopped;

/** Each SLA transition as a case's life moves it: start, warn, breach, pause, resume, met, met late, next response. */
class SlaClockTest {

    private static final Instant OPENED = Instant.parse("2026-12-01T09:00:00Z");
    /** First response in 1 h, next response in 2 h, resolution in 8 h; warn at 75%. */
    private static final SlaTargets TARGETS = new SlaTargets(Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(8), 0.75, false);

    private final SlaClock clock = new SlaClock(TARGETS, BusinessTime.ALWAYS);

    @Test
    void aNewCaseCountsItsFirstResponseAndResolutionAndWarnsThenBreachesOnTime() {
        clock.opened(OPENED);

        assertThat(status(SlaMilestone.FIRST_RESPONSE, at("09:30"))).isEqualTo(
                new SlaStatus(SlaMilestone.FIRST_RESPONSE, at("10:00"), Duration.ofMinutes(30), SlaState.RUNNING));
        assertThat(status(SlaMilestone.FIRST_RESPONSE, at("09:45")).state()).isEqualTo(SlaState.WARNING);
        assertThat(status(SlaMilestone.FIRST_RESPONSE, at("10:00")).state()).isEqualTo(SlaState.BREACHED);
        assertThat(status(SlaMilestone.FIRST_RESPONSE, at("10:00")).remaining()).isZero();
        assertThat(clock.warningAt(SlaMilestone.FIRST_RESPONSE)).contains(at("09:45"));
        assertThat(clock.breachAt(SlaMilestone.FIRST_RESPONSE)).contains(at("10:00"));
        assertThat(clock.breachAt(SlaMilestone.RESOLUTION)).contains(at("17:00"));
        assertThat(clock.at(at("09:30"))).extracting(SlaStatus::milestone)
                .containsExactly(SlaMilestone.FIRST_RESPONSE, SlaMilestone.RESOLUTION);
    }

    @Test
    void aPublicReplyMeetsTheFirstResponseInTimeOrLate() {
        clock.opened(OPENED);
        assertThat(clock.replied(at("09:40"))).containsExactly(
                new Stopped(SlaMilestone.FIRST_RESPONSE, at("10:00"), at("09:40"), true));
        assertThat(status(SlaMilestone.FIRST_RESPONSE, at("12:00")).state()).isEqualTo(SlaState.MET);
        assertThat(clock.breachAt(SlaMilestone.FIRST_RESPONSE)).isEmpty();

        SlaClock late = new SlaClock(TARGETS, BusinessTime.ALWAYS);
        late.opened(OPENED);
        assertThat(late.replied(at("10:20"))).containsExactly(
                new Stopped(SlaMilestone.FIRST_RESPONSE, at("10:00"), at("10:20"), false));
        assertThat(late.at(at("11:00")).getFirst().state()).isEqualTo(SlaState.MET_LATE);
    }

    @Test
    void waitingOnTheCustomerPausesTheClocksAndTheTimeWaitedIsAddedToTheDueTimes() {
        clock.opened(OPENED);
        clock.replied(at("09:30"));
        clock.waiting(at("10:00"), false);

        SlaStatus paused = status(SlaMilestone.RESOLUTION, at("15:00"));
        assertThat(paused.state()).isEqualTo(SlaState.PAUSED);
        assertThat(paused.dueAt()).isNull();
        assertThat(paused.remaining()).isEqualTo(Duration.ofHours(7));
        assertThat(clock.breachAt(SlaMilestone.RESOLUTION)).isEmpty();

        clock.working(at("13:00"));
        assertThat(clock.breachAt(SlaMilestone.RESOLUTION)).contains(at("20:00"));
        assertThat(status(SlaMilestone.RESOLUTION, at("14:00"))).isEqualTo(
                new SlaStatus(SlaMilestone.RESOLUTION, at("20:00"), Duration.ofHours(6), SlaState.RUNNING));
    }

    @Test
    void onHoldPausesOnlyWhenThePolicySaysSo() {
        clock.opened(OPENED);
        clock.waiting(at("09:10"), true);
        assertThat(status(SlaMilestone.RESOLUTION, at("10:00")).state()).isEqualTo(SlaState.RUNNING);

        SlaClock pausing = new SlaClock(new SlaTargets(Duration.ofHours(1), null, Duration.ofHours(8), 0.75, true),
                BusinessTime.ALWAYS);
        pausing.opened(OPENED);
        pausing.waiting(at("09:10"), true);
        assertThat(pausing.at(at("10:00"))).extracting(SlaStatus::state).containsOnly(SlaState.PAUSED);
    }

    @Test
    void eachCustomerMessageAfterTheFirstResponseAwaitsTheNextResponseOnce() {
        clock.opened(OPENED);
        clock.customerWrote(at("09:10"));
        assertThat(clock.at(at("09:20"))).extracting(SlaStatus::milestone).doesNotContain(SlaMilestone.NEXT_RESPONSE);

        clock.replied(at("09:20"));
        clock.customerWrote(at("11:00"));
        clock.customerWrote(at("11:30"));
        assertThat(clock.breachAt(SlaMilestone.NEXT_RESPONSE)).contains(at("13:00"));

        List<Stopped> met = clock.replied(at("12:00"));
        assertThat(met).containsExactly(new Stopped(SlaMilestone.NEXT_RESPONSE, at("13:00"), at("12:00"), true));
        clock.customerWrote(at("14:00"));
        assertThat(clock.breachAt(SlaMilestone.NEXT_RESPONSE)).contains(at("16:00"));
    }

    @Test
    void resolvingMeetsTheResolutionAndAnyAwaitedReplyAndReopeningCountsOnFromTheTimeUsed() {
        clock.opened(OPENED);
        assertThat(clock.resolved(at("11:00"))).containsExactly(
                new Stopped(SlaMilestone.FIRST_RESPONSE, at("10:00"), at("11:00"), false),
                new Stopped(SlaMilestone.RESOLUTION, at("17:00"), at("11:00"), true));

        clock.reopened(at("15:00"));
        assertThat(clock.breachAt(SlaMilestone.RESOLUTION)).contains(at("21:00"));
        assertThat(status(SlaMilestone.RESOLUTION, at("16:00")).remaining()).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void aMilestoneWithoutATargetIsNotTracked() {
        SlaClock noNext = new SlaClock(new SlaTargets(Duration.ofHours(1), null, null, 0.5, false), BusinessTime.ALWAYS);
        noNext.opened(OPENED);
        noNext.replied(at("09:10"));
        noNext.customerWrote(at("09:20"));
        assertThat(noNext.at(at("10:00"))).extracting(SlaStatus::milestone).containsExactly(SlaMilestone.FIRST_RESPONSE);
    }

    @Test
    void onABusinessCalendarTheNightAndTheWeekendDoNotCount() {
        BusinessCalendar rome = new BusinessCalendar("rome", "Rome office", java.time.ZoneId.of("Europe/Rome"),
                java.util.Map.of(java.time.DayOfWeek.MONDAY, List.of(WorkingSpan.of("09:00", "17:00")),
                        java.time.DayOfWeek.FRIDAY, List.of(WorkingSpan.of("09:00", "17:00"))),
                Holidays.NONE);
        SlaClock office = new SlaClock(TARGETS, rome);
        Instant fridayAfternoon = Instant.parse("2026-12-04T15:30:00Z"); // 16:30 in Rome
        office.opened(fridayAfternoon);

        // Half an hour on Friday, the other half on Monday from 09:00 in Rome (08:00 UTC).
        assertThat(office.breachAt(SlaMilestone.FIRST_RESPONSE)).contains(Instant.parse("2026-12-07T08:30:00Z"));
        assertThat(office.warningAt(SlaMilestone.FIRST_RESPONSE)).contains(Instant.parse("2026-12-07T08:15:00Z"));
        assertThat(office.at(Instant.parse("2026-12-06T12:00:00Z")).getFirst().remaining())
                .isEqualTo(Duration.ofMinutes(30));
    }

    private SlaStatus status(SlaMilestone milestone, Instant now) {
        return clock.at(now).stream().filter(status -> status.milestone() == milestone).findFirst().orElseThrow();
    }

    private static Instant at(String time) {
        return Instant.parse("2026-12-01T" + time + ":00Z");
    }
}
