package io.caseswarm.experts.projection;

import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.experts.domain.DaysOff;
import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.domain.Profile;
import io.caseswarm.experts.domain.Skill;
import io.caseswarm.experts.domain.WorkingHours;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's row of the skills/capacity view, as the service reads it; {@link ProfileTable} writes it. */
@Entity
@Table(name = "expert_profile")
public class ExpertProfile extends PanacheEntityBase {

    @Id
    public String personId;
    public String name;
    public String email;
    public String chatHandle;
    public String timeZone;
    public LocalTime workStart;
    public LocalTime workEnd;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Skill> skills;
    public int capacity;
    @Enumerated(EnumType.STRING)
    public Presence presence;
    public Instant updatedAt;
    public String slackUserId;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> roles;
    /** Null: no calendar, never off. */
    @JdbcTypeCode(SqlTypes.JSON)
    public DaysOff daysOff;

    public Profile profile() {
        return new Profile(name, email, chatHandle, timeZone, new WorkingHours(workStart, workEnd), skills, capacity,
                presence, slackUserId, roles, daysOff);
    }

    /** Whoever else is linked to {@code slackUserId}, if anyone. */
    public static boolean slackUserLinkedToOtherThan(String slackUserId, String personId) {
        return slackUserId != null && count("slackUserId = ?1 and personId <> ?2", slackUserId, personId) > 0;
    }

    /** Who each of these Slack users is linked to now (users linked to nobody are left out). */
    public static Map<String, String> linkedPeopleOf(Set<String> slackUserIds) {
        Map<String, String> linked = new HashMap<>();
        if (!slackUserIds.isEmpty()) {
            ExpertProfile.<ExpertProfile>list("slackUserId in ?1", slackUserIds)
                    .forEach(profile -> linked.put(profile.slackUserId, profile.personId));
        }
        return linked;
    }
}
