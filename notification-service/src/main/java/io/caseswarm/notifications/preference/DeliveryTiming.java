package io.caseswarm.notifications.preference;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import io.caseswarm.notifications.domain.Urgency;

/**
 * When a notice of some urgency reaches a person, by their preference: now, held until their quiet hours
 * end, or in their next daily digest. Says why in words the delivery log shows.
 *
 * @param releaseAt when held or digested: when it goes out; null when it goes now
 * @param reason why, e.g. {@code in quiet hours 22:00–07:00 Europe/Rome, held until 07:00}; null when it
 *        goes now for no reason worth telling (no quiet hours, or outside them)
 */
public record DeliveryTiming(When when, Instant releaseAt, String reason) {

    public enum When {
        NOW, HELD, DIGEST
    }

    public static DeliveryTiming decide(Preference preference, ZoneId zone, Urgency urgency, Instant now) {
        if (urgency == Urgency.LOW && preference.digestAt != null) {
            return new DeliveryTiming(When.DIGEST, next(preference.digestAt, zone, now),
                    "low urgency: into the daily digest at " + preference.digestAt + " " + zone.getId());
        }
        if (!preference.hasQuietHours() || !inQuietHours(preference.quietFrom, preference.quietUntil, zone, now)) {
            return new DeliveryTiming(When.NOW, null, null);
        }
        String quiet = "in quiet hours " + preference.quietFrom + "–" + preference.quietUntil + " " + zone.getId();
        if (urgency == Urgency.URGENT && preference.urgentInQuietHours) {
            return new DeliveryTiming(When.NOW, null, "urgent, " + quiet + ", which they opened to urgent news");
        }
        String held = quiet + ", held until " + preference.quietUntil;
        return new DeliveryTiming(When.HELD, next(preference.quietUntil, zone, now),
                urgency == Urgency.URGENT ? "urgent, but " + held + " (they did not open quiet hours to urgent news)"
                        : held);
    }

    /**
     * Quiet hours from {@code from} up to (not including) {@code until}, local time; {@code 22:00–07:00}
     * spans midnight. Equal times mean no quiet hours at all.
     */
    static boolean inQuietHours(LocalTime from, LocalTime until, ZoneId zone, Instant now) {
        LocalTime local = now.atZone(zone).toLocalTime();
        if (from.isBefore(until)) {
            return !local.isBefore(from) && local.isBefore(until);
        }
        if (from.isAfter(until)) {
            return !local.isBefore(from) || local.isBefore(until);
        }
        return false;
    }

    /** The next moment after {@code now} that the clocks in {@code zone} show {@code time} (later on a DST gap day). */
    public static Instant next(LocalTime time, ZoneId zone, Instant now) {
        ZonedDateTime today = ZonedDateTime.of(now.atZone(zone).toLocalDate(), time, zone);
        return today.toInstant().isAfter(now) ? today.toInstant()
                : ZonedDateTime.of(today.toLocalDate().plusDays(1), time, zone).toInstant();
    }

    /** The person's own choice, else the directory's zone for them, else UTC. */
    public static ZoneId zoneOf(Preference preference, String directoryZone) {
        for (String candidate : new String[] { preference.timeZone, directoryZone }) {
            if (candidate != null) {
                try {
                    return ZoneId.of(candidate);
                } catch (DateTimeException e) {
                    // The directory may know a zone this JVM does not: the next best is used.
                }
            }
        }
        return ZoneOffset.UTC;
    }
}
