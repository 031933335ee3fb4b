package io.caseswarm.swarms.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.swarms.domain.MemberStatus;
import io.caseswarm.swarms.domain.SwarmStatus;
import io.caseswarm.swarms.domain.SwarmType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A swarm as the API shows it: its request, its members in the order they were invited, its status. */
@Entity
@Table(name = "swarm_view")
public class SwarmView extends PanacheEntityBase {

    /** The expert finder is finding people for the swarm, or has (as far as this service knows). */
    public static final String ON_TRACK = "on-track";
    /** The expert finder has nobody left to ask and places are open; until somebody is invited or joins. */
    public static final String UNSTAFFED = "unstaffed";

    @Id
    public UUID swarmId;
    public UUID caseId;
    public String caseNumber;
    /** The case's current owner: swarms follow their case when it changes hands. */
    public String ownerId;
    /** Who asked for the swarm (the owner, or a lead); null for swarms asked for before it was recorded. */
    public String requestedBy;
    /** The automation rule that asked for the swarm when no person did, e.g. automation:sla-warning-swarm. */
    public String requestedVia;
    /** The case's priority when the swarm was asked for; null when unknown. */
    public String priority;
    /** The pod the swarm was routed to (by its case's product); null when none. */
    public String podId;
    /** Swarms asked for before types are standard. */
    @Enumerated(EnumType.STRING)
    public SwarmType type;
    /** {@link #ON_TRACK} or {@link #UNSTAFFED}. */
    public String staffing;
    public String question;
    public String stepsTried;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> skills;
    public int teamSize;
    @Enumerated(EnumType.STRING)
    public SwarmStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Member> members;
    public Instant requestedAt;
    public Instant updatedAt;
    public long version;

    /** The owner and the experts still in the swarm (invited or joined) follow its feed. */
    public boolean feedOpenTo(String personId) {
        return personId.equals(ownerId) || members.stream().anyMatch(member -> member.personId().equals(personId)
                && (member.status() == MemberStatus.INVITED || member.status() == MemberStatus.JOINED));
    }

    /** Who may read the feed (and its history and live stream): the owner, members invited or joined, and leads. */
    public boolean feedReadableBy(Caller caller) {
        return caller.is(Roles.LEAD) || feedOpenTo(caller.id());
    }

    public record Member(String personId, MemberStatus status, Instant since) {
    }
}
