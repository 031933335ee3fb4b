package io.caseswarm.experts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** When an invitation lapses: on the wall clock, or counted in the invitee's own working hours. */
class InvitationTimeoutTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @Test
    void aWallClockTimeoutRunsThroughTheNight() {
        Instant evening = Instant.parse("2030-01-07T17:00:00Z");

        assertThat(new InvitationTimeout(Duration.ofMinutes(15), false).expiresAt(evening, lisbon(9, 18)))
                .isEqualTo(Instant.parse("2030-01-07T17:15:00Z"));
    }

    @Test
    void twoWorkingHoursAskedForInTheEveningEndNextMorning() {
        // Lisbon is on UTC in January: one hour left today, one tomorrow from 09:00.
        Instant oneHourBeforeHome = Instant.parse("2030-01-07T17:00:00Z");

        assertThat(inWorkingHours(TWO_HOURS, oneHourBeforeHome, lisbon(9, 18)))
                .isEqualTo(Instant.parse("2030-01-08T10:00:00Z"));
    }

    @Test
    void withinTheWorkingDayItIsPlainTime() {
        assertThat(inWorkingHours(TWO_HOURS, Instant.parse("2030-01-07T10:30:00Z"), lisbon(9, 18)))
                .isEqualTo(Instant.parse("2030-01-07T12:30:00Z"));
    }

    @Test
    void anInvitationSentAtNightStartsCountingWhenTheDayBegins() {
        assertThat(inWorkingHours(TWO_HOURS, Instant.parse("2030-01-07T23:00:00Z"), lisbon(9, 18)))
                .isEqualTo(Instant.parse("2030-01-08T11:00:00Z"));
    }

    @Test
    void theInviteesOwnTimeZoneDecidesWhenTheirDayEnds() {
        // 17:00 UTC is 09:00 in San Francisco (UTC-8 in January): their whole day lies ahead.
        Profile sanFrancisco = profile("America/Los_Angeles", 9, 18);

        assertThat(inWorkingHours(TWO_HOURS, Instant.parse("2030-01-07T17:00:00Z"), sanFrancisco))
                .isEqualTo(Instant.parse("2030-01-07T19:00:00Z"));
    }

    @Test
    void aNightShiftThatSpansMidnightCountsAcrossIt() {
        // 22:00–06:00: from 05:00 one hour is left of the shift that began last night, the other starts at 22:00.
        assertThat(inWorkingHours(TWO_HOURS, Instant.parse("2030-01-07T05:00:00Z"), profile("UTC", 22, 6)))
                .isEqualTo(Instant.parse("2030-01-07T23:00:00Z"));
    }

    @Test
    void eightWorkingHoursSpanDays() {
        // 2 hours on Monday (16–18), 6 on Tuesday (09–15).
        assertThat(inWorkingHours(Duration.ofHours(8), Instant.parse("2030-01-07T16:00:00Z"), lisbon(9, 18)))
                .isEqualTo(Instant.parse("2030-01-08T15:00:00Z"));
    }

    private static Instant inWorkingHours(Duration timeout, Instant invitedAt, Profile profile) {
        return new InvitationTimeout(timeout, true).expiresAt(invitedAt, profile);
    }

    private static Profile lisbon(int start, int end) {
        return profile("Europe/Lisbon", start, end);
    }

    private static Profile profile(String timeZone, int start, int end) {
        return new Profile("Ana Lima", "ana@example.com", null, timeZone,
                new WorkingHours(LocalTime.of(start, 0), LocalTime.of(end, 0)), List.of(new Skill("billing", 4)), 2,
                Presence.AVAILABLE);
    }
}
