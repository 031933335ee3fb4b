package io.caseswarm.notifications.preference;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.caseswarm.notifications.domain.Channel;
import io.caseswarm.platform.rest.JsonEnums;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * How a person wants to hear from Caseswarm: the channels to try in order (none at all: nothing is sent),
 * quiet hours in their time zone, whether urgent news may reach them in those hours, and when their daily
 * digest of low-urgency news goes out. Somebody who never chose is notified by email at any hour.
 */
@Entity
@Table(name = "notification_preference")
public class Preference extends PanacheEntityBase {

    public static final List<Channel> DEFAULT_CHANNELS = List.of(Channel.EMAIL);

    @Id
    public String personId;
    /** Wire names ({@code slack}, {@code email}) in the order to try them; empty means "none". */
    public String[] channels;
    /** An IANA zone id; null: the zone the directory knows for them, else UTC. */
    public String timeZone;
    /** Quiet hours, local times in the zone; both null when they have none. May span midnight. */
    public LocalTime quietFrom;
    public LocalTime quietUntil;
    @Column(name = "urgent_in_quiet_hours")
    public boolean urgentInQuietHours;
    /** When the daily digest goes out, local time; null: low-urgency news is sent like any other. */
    public LocalTime digestAt;
    public Instant updatedAt;

    /** What a person who never chose gets. */
    public static Preference defaultFor(String personId) {
        Preference preference = new Preference();
        preference.personId = personId;
        preference.channels = new String[] { Channel.EMAIL.wireName() };
        return preference;
    }

    public static Preference of(String personId) {
        return Preference.<Preference>findByIdOptional(personId).orElseGet(() -> defaultFor(personId));
    }

    public List<Channel> channelList() {
        return Arrays.stream(channels).map(name -> JsonEnums.parse(Channel.class, name)
                .orElseThrow(() -> new IllegalStateException("Unknown channel in the database: " + name))).toList();
    }

    public boolean hasQuietHours() {
        return quietFrom != null && quietUntil != null;
    }

    /**
     * Stores the choice. The row is made first in a statement of its own, so that two simultaneous first
     * choices of the same person do not collide on the key: both then update it, and the later one wins.
     */
    public static Preference choose(Preference choice, Instant at) {
        getEntityManager().createNativeQuery("""
                insert into notification_preference (person_id, channels, updated_at) values (?1, '{email}', ?2)
                on conflict (person_id) do nothing""")
                .setParameter(1, choice.personId)
                .setParameter(2, at)
                .executeUpdate();
        Preference stored = Preference.findById(choice.personId);
        stored.channels = choice.channels;
        stored.timeZone = choice.timeZone;
        stored.quietFrom = choice.quietFrom;
        stored.quietUntil = choice.quietUntil;
        stored.urgentInQuietHours = choice.urgentInQuietHours;
        stored.digestAt = choice.digestAt;
        stored.updatedAt = at;
        return stored;
    }
}
