package io.caseswarm.notifications.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.notifications.config.NotificationsConfig;
import io.caseswarm.platform.inbox.ReceivedEvent;

/**
 * Keeps {@link SwarmInfo} in step with swarm-service's events: what a swarm is about when it is asked for,
 * then who is in it, whether staffing ran dry, when anything last happened, and when it ended. Events of a
 * swarm asked for before this service kept swarms change nothing.
 */
@ApplicationScoped
public class SwarmInfoProjector {

    private final NotificationsConfig config;

    SwarmInfoProjector(NotificationsConfig config) {
        this.config = config;
    }

    /** Returns the swarm as it stands after the event; null when the event is of a swarm not kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SwarmInfo apply(ReceivedEvent event) {
        if ("swarm-requested".equals(event.type())) {
            return requested(event.dataAs(SwarmRequested.class), event.time());
        }
        OfSwarm of = event.dataAs(OfSwarm.class);
        if (of.swarmId() == null || !(SwarmInfo.findById(of.swarmId()) instanceof SwarmInfo swarm)) {
            return null;
        }
        swarm.touched(event.time());
        switch (event.type()) {
            case "swarm-owner-changed" -> swarm.ownerId = of.ownerId();
            case "swarm-member-invited" -> {
                swarm.memberIs(of.personId(), SwarmInfo.INVITED);
                swarm.unstaffed = false;
            }
            case "swarm-member-joined", "swarm-member-added" -> {
                swarm.memberIs(of.personId(), SwarmInfo.JOINED);
                swarm.unstaffed = false;
            }
            case "swarm-member-declined", "swarm-member-expired" -> swarm.memberIs(of.personId(), SwarmInfo.DECLINED);
            case "swarm-member-left" -> swarm.memberIs(of.personId(), SwarmInfo.LEFT);
            case "swarm-member-removed" -> swarm.memberIs(of.personId(), SwarmInfo.REMOVED);
            case "swarm-staffing-stalled" -> swarm.unstaffed = true;
            case "swarm-closed", "swarm-cancelled" -> {
                if (swarm.endedAt == null) {
                    swarm.endedAt = event.time();
                }
            }
            default -> {
                // Posts, answers, skills: activity, which touched() kept.
            }
        }
        return swarm;
    }

    private SwarmInfo requested(SwarmRequested requested, Instant eventTime) {
        SwarmInfo info = SwarmInfo.<SwarmInfo>findByIdOptional(requested.swarmId()).orElseGet(SwarmInfo::new);
        info.swarmId = requested.swarmId();
        info.caseId = requested.caseId();
        info.caseNumber = requested.caseNumber();
        info.question = requested.question();
        info.priority = requested.priority();
        info.ownerId = requested.ownerId();
        info.type = requested.type();
        info.podId = requested.podId();
        info.leadIds = leadsOf(requested).toArray(String[]::new);
        info.requestedAt = requested.requestedAt() != null ? requested.requestedAt() : eventTime;
        info.touched(info.requestedAt);
        info.persist();
        return info;
    }

    /**
     * The pod's leads; a swarm of no pod (or of a pod without leads) is the configured leads'. A blank id
     * names nobody (and could key no digest), so it is left out.
     */
    private List<String> leadsOf(SwarmRequested requested) {
        List<String> podLeads = requested.podLeadIds() == null ? List.of()
                : requested.podLeadIds().stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        return podLeads.isEmpty() ? config.leads().orElse(List.of()) : podLeads;
    }

    /**
     * {@code type}, {@code podId} and {@code podLeadIds} are null on older requests (and the latter two without
     * a pod); {@code priority}, {@code ownerId} and {@code requestedAt} may be null on older events.
     */
    public record SwarmRequested(UUID swarmId, UUID caseId, String caseNumber, String question, List<String> skills,
            String type, String podId, List<String> podLeadIds, String priority, String ownerId, Instant requestedAt) {
    }

    /** What the other swarm events say that the projection keeps; each names some of it. */
    record OfSwarm(UUID swarmId, String personId, String ownerId) {
    }
}
