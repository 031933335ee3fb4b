package io.caseswarm.swarms.slack;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A Slack user and the person of the directory they act as, with that person's roles, as the expert
 * finder last announced them. A Slack user with no link can do nothing.
 */
@Entity
@Table(name = "slack_person_link")
public class SlackPersonLink extends PanacheEntityBase {

    @Id
    public String slackUserId;
    public String personId;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> roles;
    public Instant updatedAt;

    public static Optional<SlackPersonLink> of(String slackUserId) {
        return slackUserId == null ? Optional.empty() : findByIdOptional(slackUserId);
    }

    public static Optional<SlackPersonLink> ofPerson(String personId) {
        return find("personId", personId).firstResultOptional();
    }

    /**
     * The directory says {@code personId} is {@code slackUserId} in Slack (or, when null, nobody there):
     * their earlier link goes, and so does anyone else's to the same Slack user.
     */
    public static void record(String personId, String slackUserId, List<String> roles, Instant at) {
        delete("personId = ?1 or slackUserId = ?2", personId, slackUserId == null ? "" : slackUserId);
        if (slackUserId != null) {
            SlackPersonLink link = new SlackPersonLink();
            link.slackUserId = slackUserId;
            link.personId = personId;
            link.roles = roles == null ? List.of() : List.copyOf(roles);
            link.updatedAt = at;
            link.persist();
        }
    }

    /** The caller a Slack request of this user is: the linked person, with their roles in the directory. */
    public Caller caller() {
        return Caller.actingAs(personId, new HashSet<>(roles));
    }
}
