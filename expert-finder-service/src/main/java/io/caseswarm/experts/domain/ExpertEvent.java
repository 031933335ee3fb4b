package io.caseswarm.experts.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.caseswarm.platform.event.EventType;

/**
 * The expert finder's events, on {@code expert-events}. Directory events are keyed by the person;
 * invitations by the swarm, so that all invitations of one swarm stay in order.
 */
public sealed interface ExpertEvent {

    @EventType("expert-registered")
    record ExpertRegistered(String personId, String name, String email, String chatHandle, String timeZone,
            WorkingHours workingHours, List<Skill> skills, int capacity, Presence presence, Instant registeredAt)
            implements ExpertEvent {

        static ExpertRegistered of(String personId, Profile p, Instant at) {
            return new ExpertRegistered(personId, p.name(), p.email(), p.chatHandle(), p.timeZone(), p.workingHours(),
                    p.skills(), p.capacity(), p.presence(), at);
        }

        public Profile profile() {
            return new Profile(name, email, chatHandle, timeZone, workingHours, skills, capacity, presence);
        }
    }

    @EventType("expert-updated")
    record ExpertUpdated(String personId, String name, String email, String chatHandle, String timeZone,
            WorkingHours workingHours, List<Skill> skills, int capacity, Presence presence, Instant updatedAt)
            implements ExpertEvent {

        static ExpertUpdated of(String personId, Profile p, Instant at) {
            return new ExpertUpdated(personId, p.name(), p.email(), p.chatHandle(), p.timeZone(), p.workingHours(),
                    p.skills(), p.capacity(), p.presence(), at);
        }

        public Profile profile() {
            return new Profile(name, email, chatHandle, timeZone, workingHours, skills, capacity, presence);
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
            implements ExpertEvent {
    }
}
