package io.caseswarm.swarms.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.caseswarm.platform.event.EventType;

/** Everything that happens to a swarm. Published on {@code swarm-events}, keyed by the swarm id. */
public sealed interface SwarmEvent {

    UUID swarmId();

    /**
     * {@code ownerId} is the case's owner when the swarm was asked for; {@code requestedBy} who asked (the
     * owner, or a lead for them; for an automation rule, the owner on whose behalf it asked), and
     * {@code requestedVia} the rule ({@code automation:<rule>}) when no person asked. {@code priority} is
     * the case's, when known. All three came later as optional fields: null on older events. {@code podId}
     * is the pod the swarm was routed to (the one whose products include the case's product; null for
     * none) and {@code type} the swarm's type; both null on older events (which are standard swarms).
     * {@code podLeadIds} are that pod's leads when the swarm was asked for (told at once of an urgent swarm);
     * null without a pod.
     */
    @EventType("swarm-requested")
    record SwarmRequested(UUID swarmId, UUID caseId, String caseNumber, String ownerId, String question,
            String stepsTried, List<String> skills, int teamSize, Instant requestedAt, String requestedBy,
            String requestedVia, String priority, String podId, SwarmType type, List<String> podLeadIds,
            String product) implements SwarmEvent {
    }

    /** The case changed hands: its swarm follows the case's new owner, who now holds the owner's rights in it. */
    @EventType("swarm-owner-changed")
    record SwarmOwnerChanged(UUID swarmId, UUID caseId, String ownerId, String previousOwnerId, Instant changedAt)
            implements SwarmEvent {
    }

    /** The swarm records the expert finder's invitation in its own history. */
    @EventType("swarm-member-invited")
    record SwarmMemberInvited(UUID swarmId, UUID caseId, String personId, Instant invitedAt) implements SwarmEvent {
    }

    @EventType("swarm-member-joined")
    record SwarmMemberJoined(UUID swarmId, UUID caseId, String personId, Instant joinedAt) implements SwarmEvent {
    }

    @EventType("swarm-member-declined")
    record SwarmMemberDeclined(UUID swarmId, UUID caseId, String personId, String reason, Instant declinedAt)
            implements SwarmEvent {
    }

    @EventType("swarm-member-left")
    record SwarmMemberLeft(UUID swarmId, UUID caseId, String personId, Instant leftAt) implements SwarmEvent {
    }

    /**
     * The owner or a lead took a member (invited or joined) out of the swarm; {@code removedBy} who did it.
     * The expert finder frees them, and asks nobody in their place.
     */
    @EventType("swarm-member-removed")
    record SwarmMemberRemoved(UUID swarmId, UUID caseId, String personId, String reason, String removedBy,
            Instant removedAt) implements SwarmEvent {
    }

    /**
     * {@code via} names the automation rule a post by the swarm's bot was asked for by; null for people's
     * posts and the bot's own reminders (and on older events). {@code mentions}: the people the text names
     * as {@code @person-id} who may read the feed (see {@link Swarm#mentionedIn}); null on older events.
     */
    @EventType("swarm-post-added")
    record SwarmPostAdded(UUID swarmId, UUID caseId, UUID postId, String authorId, String text, Instant postedAt,
            String via, List<String> mentions) implements SwarmEvent {
    }

    /** The owner (or a lead) marked a post of the feed as the answer to the swarm's question. */
    @EventType("swarm-answer-marked")
    record SwarmAnswerMarked(UUID swarmId, UUID caseId, UUID postId, String markedBy, Instant markedAt)
            implements SwarmEvent {
    }

    /** The owner (or a lead) took the mark off the post marked as the answer. */
    @EventType("swarm-answer-unmarked")
    record SwarmAnswerUnmarked(UUID swarmId, UUID caseId, UUID postId, String unmarkedBy, Instant unmarkedAt)
            implements SwarmEvent {
    }

    /**
     * The expert finder let an unanswered invitation lapse: recorded like a decline, and the person can no
     * longer join on it.
     */
    @EventType("swarm-member-expired")
    record SwarmMemberExpired(UUID swarmId, UUID caseId, String personId, Instant expiredAt) implements SwarmEvent {
    }

    /** The expert finder has nobody left to invite while the swarm still has open places. */
    @EventType("swarm-staffing-stalled")
    record SwarmStaffingStalled(UUID swarmId, UUID caseId, List<String> skills, int openPlaces, Instant stalledAt)
            implements SwarmEvent {
    }

    /**
     * The swarm's case was resolved: somebody who joined the swarm (or was added) is credited for it, once,
     * with what the expert finder learns from: the case's {@code product} (null when case-service gave none),
     * the swarm's {@code skills}, how many {@code posts} they wrote in its feed, and whether the resolution
     * named them among those who {@code helped}.
     */
    @EventType("swarm-member-credited")
    record SwarmMemberCredited(UUID swarmId, UUID caseId, String personId, String product, List<String> skills,
            int posts, boolean helped, Instant creditedAt) implements SwarmEvent {
    }

    /**
     * The swarm is over: its case was resolved, closed or merged ({@code reason} the case event's type), or
     * the owner or a lead closed it ({@code closedBy}, their reason; null when the case closed it, and on
     * older events).
     */
    @EventType("swarm-closed")
    record SwarmClosed(UUID swarmId, UUID caseId, String reason, List<String> memberIds, Instant closedAt,
            String closedBy) implements SwarmEvent {

        /** Closed by its case. */
        public SwarmClosed(UUID swarmId, UUID caseId, String reason, List<String> memberIds, Instant closedAt) {
            this(swarmId, caseId, reason, memberIds, closedAt, null);
        }
    }

    /**
     * The owner (or a lead) brought a named person straight in, without the expert finder: a member at once,
     * shown as {@code joined}. {@code addedBy} is who did it.
     */
    @EventType("swarm-member-added")
    record SwarmMemberAdded(UUID swarmId, UUID caseId, String personId, String reason, String addedBy,
            Instant addedAt) implements SwarmEvent {
    }

    /** The owner (or a lead) wants {@code count} more experts; the expert finder invites them by its rules. */
    @EventType("swarm-experts-requested")
    record SwarmExpertsRequested(UUID swarmId, UUID caseId, int count, String requestedBy, Instant requestedAt)
            implements SwarmEvent {
    }

    /** The skills the swarm asks for from now on; invitations already sent stand. */
    @EventType("swarm-skills-changed")
    record SwarmSkillsChanged(UUID swarmId, UUID caseId, List<String> skills, List<String> previousSkills,
            String changedBy, Instant changedAt) implements SwarmEvent {
    }

    /**
     * The owner (or a lead) called the swarm off before its case was resolved: nothing more happens in it, and
     * the expert finder frees everyone it held. {@code memberIds}: who had joined.
     */
    @EventType("swarm-cancelled")
    record SwarmCancelled(UUID swarmId, UUID caseId, String reason, List<String> memberIds, String cancelledBy,
            Instant cancelledAt) implements SwarmEvent {
    }

    /**
     * Somebody who may act on the swarm's case from the swarm (see {@link Swarm#requestCustomerUpdate}) asks
     * case-service to write {@code text} to the case's customer as a public message, in their name and with
     * the {@code roles} the directory gives them (which case-service checks again). Asked from Slack's
     * "Notify customer" button: services only talk through events, so case-service does the writing, or
     * refuses with {@code case-swarm-action-refused}. {@code requestId} names the request in that refusal.
     */
    @EventType("swarm-customer-update-requested")
    record SwarmCustomerUpdateRequested(UUID swarmId, UUID caseId, UUID requestId, String personId,
            List<String> roles, String text, Instant requestedAt) implements SwarmEvent {

        public SwarmCustomerUpdateRequested {
            roles = List.copyOf(roles);
        }
    }

    /**
     * Somebody who steers the swarm asks case-service to resolve its case with {@code summary}, naming as
     * {@code helpedBy} the members who are in the swarm (joined) at that moment. As for
     * {@link SwarmCustomerUpdateRequested}: case-service resolves in the person's name (and so publishes
     * {@code case-resolved}, which closes the swarm), or refuses with {@code case-swarm-action-refused}.
     */
    @EventType("swarm-resolution-requested")
    record SwarmResolutionRequested(UUID swarmId, UUID caseId, UUID requestId, String personId, List<String> roles,
            String summary, List<String> helpedBy, Instant requestedAt) implements SwarmEvent {

        public SwarmResolutionRequested {
            roles = List.copyOf(roles);
            helpedBy = List.copyOf(helpedBy);
        }
    }
}
