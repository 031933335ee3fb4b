package io.caseswarm.notifications.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.caseswarm.notifications.domain.Urgency;
import io.caseswarm.notifications.preference.DeliveryTiming.When;

/** When a notice reaches a person, by the urgency of the notice and the person's preference. */
class DeliveryTimingTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Test
    void normalNewsInQuietHoursThatSpanMidnightIsHeldUntilTheyEndInThePersonsZone() {
        Preference quiet = quiet("22:00", "07:00", false);
        // 23:30 in Rome (UTC+1 in December).
        DeliveryTiming timing = DeliveryTiming.decide(quiet, ROME, Urgency.NORMAL, Instant.parse("2026-12-02T22:30:00Z"));

        assertThat(timing.when()).isEqualTo(When.HELD);
        assertThat(timing.releaseAt()).isEqualTo(Instant.parse("2026-12-03T06:00:00Z"));
        assertThat(timing.reason()).isEqualTo("in quiet hours 22:00–07:00 Europe/Rome, held until 07:00");
        // 06:59 the next morning is still quiet, and held until the same moment.
        assertThat(DeliveryTiming.decide(quiet, ROME, Urgency.NORMAL, Instant.parse("2026-12-03T05:59:00Z"))
                .releaseAt()).isEqualTo(Instant.parse("2026-12-03T06:00:00Z"));
    }

    @Test
    void outsideQuietHoursNewsGoesAtOnceAndTheirEndIsNotQuiet() {
        Preference quiet = quiet("22:00", "07:00", false);
        assertThat(DeliveryTiming.decide(quiet, ROME, Urgency.NORMAL, Instant.parse("2026-12-03T06:00:00Z")))
                .isEqualTo(new DeliveryTiming(When.NOW, null, null));
        assertThat(DeliveryTiming.decide(quiet, ROME, Urgency.NORMAL, Instant.parse("2026-12-02T20:59:59Z")).when())
                .isEqualTo(When.NOW);
        assertThat(DeliveryTiming.decide(Preference.defaultFor("x"), ROME, Urgency.LOW,
                Instant.parse("2026-12-02T22:30:00Z")).when()).isEqualTo(When.NOW);
    }

    @Test
    void quietHoursWithinOneDayWork() {
        Preference lunch = quiet("12:00", "13:30", false);
        assertThat(DeliveryTiming.decide(lunch, ZoneOffset.UTC, Urgency.NORMAL, Instant.parse("2026-12-02T12:10:00Z"))
                .releaseAt()).isEqualTo(Instant.parse("2026-12-02T13:30:00Z"));
        assertThat(DeliveryTiming.decide(lunch, ZoneOffset.UTC, Urgency.NORMAL, Instant.parse("2026-12-02T13:30:00Z"))
                .when()).isEqualTo(When.NOW);
    }

    @Test
    void urgentNewsReachesAPersonInQuietHoursOnlyIfTheyOptedIn() {
        Instant lateEvening = Instant.parse("2026-12-02T22:30:00Z");
        DeliveryTiming optedIn = DeliveryTiming.decide(quiet("22:00", "07:00", true), ROME, Urgency.URGENT, lateEvening);
        assertThat(optedIn.when()).isEqualTo(When.NOW);
        assertThat(optedIn.reason()).isEqualTo("urgent, in quiet hours 22:00–07:00 Europe/Rome, which they opened to"
                + " urgent news");

        DeliveryTiming not = DeliveryTiming.decide(quiet("22:00", "07:00", false), ROME, Urgency.URGENT, lateEvening);
        assertThat(not.when()).isEqualTo(When.HELD);
        assertThat(not.reason()).startsWith("urgent, but in quiet hours").contains("not open quiet hours");
        // Opting in does not let normal news through.
        assertThat(DeliveryTiming.decide(quiet("22:00", "07:00", true), ROME, Urgency.NORMAL, lateEvening).when())
                .isEqualTo(When.HELD);
    }

    @Test
    void lowUrgencyNewsWaitsForTheNextDailyDigestAtItsLocalTime() {
        Preference digest = Preference.defaultFor("x");
        digest.digestAt = LocalTime.of(8, 0);

        DeliveryTiming before = DeliveryTiming.decide(digest, ROME, Urgency.LOW, Instant.parse("2026-12-02T06:00:00Z"));
        assertThat(before.when()).isEqualTo(When.DIGEST);
        assertThat(before.releaseAt()).isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
        assertThat(before.reason()).isEqualTo("low urgency: into the daily digest at 08:00 Europe/Rome");
        assertThat(DeliveryTiming.decide(digest, ROME, Urgency.LOW, Instant.parse("2026-12-02T07:00:00Z")).releaseAt())
                .isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
        assertThat(DeliveryTiming.decide(digest, ROME, Urgency.NORMAL, Instant.parse("2026-12-02T06:00:00Z")).when())
                .isEqualTo(When.NOW);
    }

    @Test
    void theEndOfQuietHoursFollowsTheClocksAcrossADaylightSavingChange() {
        // Rome moves to summer time at 02:00 on 29 March 2026: 07:00 local is then 05:00 UTC, not 06:00.
        DeliveryTiming timing = DeliveryTiming.decide(quiet("22:00", "07:00", false), ROME, Urgency.NORMAL,
                Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(timing.releaseAt()).isEqualTo(Instant.parse("2026-03-29T05:00:00Z"));
    }

    @Test
    void aPersonsOwnZoneWinsOverTheDirectorysAndUtcIsTheLastResort() {
        Preference preference = Preference.defaultFor("x");
        assertThat(DeliveryTiming.zoneOf(preference, null)).isEqualTo(ZoneOffset.UTC);
        assertThat(DeliveryTiming.zoneOf(preference, "Not/AZone")).isEqualTo(ZoneOffset.UTC);
        assertThat(DeliveryTiming.zoneOf(preference, "Asia/Tokyo")).isEqualTo(ZoneId.of("Asia/Tokyo"));
        preference.timeZone = "Europe/Rome";
        assertThat(DeliveryTiming.zoneOf(preference, "Asia/Tokyo")).isEqualTo(ROME);
    }

    private static Preference quiet(String from, String until, boolean urgentInQuietHours) {
        Preference preference = Preference.defaultFor("x");
        preference.quietFrom = LocalTime.parse(from);
        preference.quietUntil = LocalTime.parse(until);
        preference.urgentInQuietHours = urgentInQuietHours;
        return preference;
    }
}
