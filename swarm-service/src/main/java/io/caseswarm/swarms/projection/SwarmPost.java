package io.caseswarm.swarms.projection;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One message in a swarm's feed. */
@Entity
@Table(name = "swarm_post")
public class SwarmPost extends PanacheEntityBase {

    @Id
    public UUID postId;
    public UUID swarmId;
    public String authorId;
    public String text;
    public Instant postedAt;
    /** The automation rule a bot post was asked for by; null for people's posts and reminders. */
    public String via;
}
