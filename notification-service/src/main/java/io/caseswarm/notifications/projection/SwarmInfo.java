package io.caseswarm.notifications.projection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What notices need to say about a swarm, kept from swarm-service's events: what it is about, whose it is,
 * and, for the leads' backlog digest, where it stands (who is in it, whether staffing ran dry, when anything
 * last happened, whether it is over).
 */
@Entity
@Table(name = "swarm_info")
public class SwarmInfo extends PanacheEntityBase {

    public static final String BACKLOG = "backlog";

    /** Where a person stands in the swarm, as {@link #members} records it. */
    public static final String INVITED = "invited";
    public static final String JOINED = "joined";
    public static final String DECLINED = "declined";
    public static final String LEFT = "left";
    public static final String REMOVED = "removed";

    @Id
    public UUID swarmId;
    public UUID caseId;
    public String caseNumber;
    public String question;
    /** The case's priority when the swarm was asked for ({@code urgent}, …); null when not known. */
    public String priority;
    /** Who owns the swarm now; null for swarms asked for before this was kept. */
    public String ownerId;
    /** {@code standard, urgent, backlog}; null for swarms asked for before this was kept (standard). */
    public String type;
    public String podId;
    /** Who steers it: its pod's leads when it was asked for, else the configured leads. */
    public String[] leadIds = new String[0];
    /** Null for swarms asked for before these were kept. */
    public Instant requestedAt;
    public Instant lastActivityAt;
    /** The expert finder has nobody left to invite, and nobody was invited or joined since. */
    public boolean unstaffed;
    /** When it was closed or cancelled; null while it is open. */
    public Instant endedAt;

    /** Person id to where they stand, in the order they came in. */
    @ElementCollection
    @CollectionTable(name = "swarm_info_member", joinColumns = @JoinColumn(name = "swarm_id"))
    @MapKeyColumn(name = "person_id")
    @Column(name = "status")
    public Map<String, String> members = new LinkedHashMap<>();

    /** An urgent swarm, or one on a case that was urgent when it was asked for. */
    public boolean isUrgent() {
        return "urgent".equals(type) || "urgent".equals(priority);
    }

    public boolean isBacklog() {
        return BACKLOG.equals(type);
    }

    /** Something happened in the swarm at {@code at}; an event redelivered out of order does not turn time back. */
    public void touched(Instant at) {
        if (at != null && (lastActivityAt == null || at.isAfter(lastActivityAt))) {
            lastActivityAt = at;
        }
    }

    /** An event that names nobody (broken, or from before it named people) changes nobody's standing. */
    public void memberIs(String personId, String status) {
        if (personId != null && !personId.isBlank()) {
            members.put(personId, status);
        }
    }

    /** The people in {@code status}, by person id. */
    public List<String> membersWhoAre(String status) {
        return members.entrySet().stream().filter(entry -> entry.getValue().equals(status)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** The open backlog swarms {@code leadId} steers, oldest first. */
    public static List<SwarmInfo> openBacklogLedBy(String leadId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                select swarm_id from swarm_info
                where type = 'backlog' and ended_at is null and lead_ids @> array[cast(?1 as text)]
                order by requested_at nulls first, swarm_id""", UUID.class)
                .setParameter(1, leadId)
                .getResultList();
        return ids.stream().map(id -> SwarmInfo.<SwarmInfo>findById(id)).toList();
    }
}
