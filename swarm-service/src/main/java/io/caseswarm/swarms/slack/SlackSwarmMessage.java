package io.caseswarm.swarms.slack;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A swarm's message in Slack: its channel and ts, which also names the thread its feed is mirrored into. The
 * channel is the swarm's own when the app makes a channel per swarm ({@code ownChannel}).
 */
@Entity
@Table(name = "slack_swarm_message")
public class SlackSwarmMessage extends PanacheEntityBase {

    @Id
    public UUID swarmId;
    public String channel;
    public String ts;
    public Instant postedAt;
    public boolean ownChannel;

    /** The swarm whose own channel {@code channel} is, if it is one. */
    public static Optional<SlackSwarmMessage> ofOwnChannel(String channel) {
        return channel == null ? Optional.empty() : find("channel = ?1 and ownChannel = true", channel).firstResultOptional();
    }

    /** The swarm whose message (and so thread) {@code ts} in {@code channel} is. */
    public static Optional<SlackSwarmMessage> ofThread(String channel, String ts) {
        return channel == null || ts == null ? Optional.empty()
                : find("channel = ?1 and ts = ?2", channel, ts).firstResultOptional();
    }
}
