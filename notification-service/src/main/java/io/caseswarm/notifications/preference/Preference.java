package io.caseswarm.notifications.preference;

import java.time.Instant;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.caseswarm.notifications.domain.Channel;
import io.caseswarm.platform.rest.JsonEnums;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The channel a person chose. Somebody who never chose is notified by email. */
@Entity
@Table(name = "notification_preference")
public class Preference extends PanacheEntityBase {

    public static final Channel DEFAULT = Channel.EMAIL;

    @Id
    public String personId;
    @Convert(converter = ChannelColumn.class)
    public Channel channel;
    public Instant updatedAt;

    public static Channel of(String personId) {
        return Preference.<Preference>findByIdOptional(personId).map(p -> p.channel).orElse(DEFAULT);
    }

    /**
     * Stores the choice in one statement, so that two simultaneous first choices of the same person
     * do not collide on the key: the later one wins.
     */
    public static void choose(String personId, Channel channel, Instant at) {
        getEntityManager().createNativeQuery("""
                insert into notification_preference (person_id, channel, updated_at) values (?1, ?2, ?3)
                on conflict (person_id) do update set channel = excluded.channel, updated_at = excluded.updated_at""")
                .setParameter(1, personId)
                .setParameter(2, channel.wireName())
                .setParameter(3, at)
                .executeUpdate();
    }

    /** The column holds the names clients use ({@code email}), not the Java constants. */
    @Converter
    public static class ChannelColumn implements AttributeConverter<Channel, String> {

        @Override
        public String convertToDatabaseColumn(Channel channel) {
            return channel == null ? null : channel.wireName();
        }

        @Override
        public Channel convertToEntityAttribute(String name) {
            return name == null ? null : JsonEnums.parse(Channel.class, name)
                    .orElseThrow(() -> new IllegalStateException("Unknown channel in the database: " + name));
        }
    }
}
