package io.caseswarm.swarms.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
    /** Who the post mentions ({@code @person-id}) and may read the feed; null on posts from before mentions. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> mentions;
    /** Marked by the owner or a lead as the answer to the swarm's question. */
    public boolean answer;
}
