package io.caseswarm.experts.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.caseswarm.platform.event.EventType;

/**
 * The expert finder's events, on {@code expert-events}. Two streams share the topic: a person's
 * directory entry ({@link DirectoryEvent}, keyed by the person) and a swarm's staffing
 * ({@link StaffingEvent}, keyed by the swarm, so that all invitations of one swarm stay in order).
 */
public sealed interface ExpertEvent {

    /** A person's stream: their profile as registered and changed. */
    sealed interface DirectoryEvent extends ExpertEvent {
    }

    /** A swarm's stream in the expert finder: whom it asked, whose invitation lapsed, when it ran dry. */
    sealed interface StaffingEvent extends ExpertEvent {
        UUID swarmId();
    }

    @EventType("expert-registered")
    record ExpertRegistered(String personId, String name, String email, String chatHandle, String timeZone,
            WorkingHours workingHours, List<Skill> skills, int capacity, Presence presence, Instant registeredAt,
            String slackUserId, List<String> roles) implements DirectoryEvent {

        static ExpertRegistered of(String personId, Profile p, Instant at) {
            return new ExpertRegistered(personId, p.name(), p.email(), p.chatHandle(), p.timeZone(), p.workingHours(),
                    p.skills(), p.capacity(), p.presence(), at, p.slackUserId(), p.roles());
        }

        /** Events from before Slack links and roles existed carry neither: no link, no roles. */
        public Profile profile() {
            return new Profile(name, email, chatHandle, timeZone, workingHours, skills, capacity, presence, slackUserId,
                    roles == null ? List.of() : roles);
        }
    }

    @EventType("expert-updated")
    record ExpertUpdated(String personId, String name, String email, String chatHandle, String timeZone,
            WorkingHours workingHours, List<Skill> skills, int capacity, Presence presence, Instant updatedAt,
            String slackUserId, List<String> roles) implements DirectoryEvent {

        static ExpertUpdated of(String personId, Profile p, Instant at) {
            return new ExpertUpdated(personId, p.name(), p.email(), p.chatHandle(), p.timeZone(), p.workingHours(),
                    p.skills(), p.capacity(), p.presence(), at, p.slackUserId(), p.roles());
        }

        /** Events from before Slack links and roles existed carry neither: no link, no roles. */
        public Profile profile() {
            return new Profile(name, email, chatHandle, timeZone, workingHours, skills, capacity, presence, slackUserId,
                    roles == null ? List.of() : roles);
        }
    }

    /**
     * A person is asked to join a swarm; carries their contact details, and the case number and question,
     * for whoever notifies them: a subscriber need not have read the swarm's own events first (they travel
     * on another topic, in no order with this one).
     */
    @EventType("expert-invited")
    record ExpertInvited(UUID swarmId, UUID caseId, String personId, String name, String email, String chatHandle,
            List<String> matchedSkills, double score, Instant invitedAt, String caseNumber, String question)
            implements StaffingEvent {
    }

    /**
     * An invitation nobody answered in time: the person neither joined nor declined before it expired.
     * Their place is free again and the next candidate is asked.
     */
    @EventType("expert-invitation-expired")
    record ExpertInvitationExpired(UUID swarmId, UUID caseId, String caseNumber, String personId, Instant invitedAt,
            Instant expiredAt) implements StaffingEvent {
    }

    /**
     * The swarm still needs people and nobody is left to ask: no candidate who is reachable, has room and
     * was not asked before. Published once each time staffing runs dry, not again while it stays dry.
     */
    @EventType("swarm-unstaffed")
    record SwarmUnstaffed(UUID swarmId, UUID caseId, String caseNumber, String ownerId, List<String> skills,
            int openPlaces, Instant unstaffedAt) implements StaffingEvent {
    }
}
