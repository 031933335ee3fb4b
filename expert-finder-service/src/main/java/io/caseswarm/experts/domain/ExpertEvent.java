package io.caseswarm.experts.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.caseswarm.platform.event.EventType;

/**
 * The expert finder's events, on {@code expert-events}. Four streams share the topic: a person's
 * directory entry ({@link DirectoryEvent}, keyed by the person), a pod's definition ({@link PodEvent},
 * keyed by the pod), a skill's place in the taxonomy ({@link SkillEvent}, keyed by {@code skill:<name>}) and a
 * swarm's staffing ({@link StaffingEvent}, keyed by the swarm, so that all invitations of one swarm stay in
 * order).
 */
public sealed interface ExpertEvent {

    /** A person's stream: their profile as registered and changed. */
    sealed interface DirectoryEvent extends ExpertEvent {
    }

    /** A pod's stream: its definition as an admin (or, for its members, one of its leads) set it. */
    sealed interface PodEvent extends ExpertEvent {
    }

    /** A skill's stream: its definition in the taxonomy, as an admin set it. */
    sealed interface SkillEvent extends ExpertEvent {
    }

    /** A swarm's stream in the expert finder: whom it asked, whose invitation lapsed, when it ran dry. */
    sealed interface StaffingEvent extends ExpertEvent {
        UUID swarmId();
    }

    /**
     * A person joined the directory. {@code workingDays}, {@code holidays}, {@code timeOff} and
     * {@code urgentOnDaysOff} are their calendar: all null when they have none (never off), and on events from
     * before calendars.
     */
    @EventType("expert-registered")
    record ExpertRegistered(String personId, String name, String email, String chatHandle, String timeZone,
            WorkingHours workingHours, List<Skill> skills, int capacity, Presence presence, Instant registeredAt,
            String slackUserId, List<String> roles, Set<DayOfWeek> workingDays, List<LocalDate> holidays,
            List<DateRange> timeOff, Boolean urgentOnDaysOff) implements DirectoryEvent {

        static ExpertRegistered of(String personId, Profile p, Instant at) {
            DaysOff d = p.daysOff();
            return new ExpertRegistered(personId, p.name(), p.email(), p.chatHandle(), p.timeZone(), p.workingHours(),
                    p.skills(), p.capacity(), p.presence(), at, p.slackUserId(), p.roles(),
                    d == null ? null : d.workingDays(), d == null ? null : d.holidays(),
                    d == null ? null : d.timeOff(), d == null ? null : d.urgentOnDaysOff());
        }

        /** Events from before Slack links, roles and calendars carry none: no link, no roles, never off. */
        public Profile profile() {
            return new Profile(name, email, chatHandle, timeZone, workingHours, skills, capacity, presence, slackUserId,
                    roles == null ? List.of() : roles, DaysOff.of(workingDays, holidays, timeOff, urgentOnDaysOff));
        }
    }

    /** A person's whole new profile, calendar included (as {@link ExpertRegistered}). */
    @EventType("expert-updated")
    record ExpertUpdated(String personId, String name, String email, String chatHandle, String timeZone,
            WorkingHours workingHours, List<Skill> skills, int capacity, Presence presence, Instant updatedAt,
            String slackUserId, List<String> roles, Set<DayOfWeek> workingDays, List<LocalDate> holidays,
            List<DateRange> timeOff, Boolean urgentOnDaysOff) implements DirectoryEvent {

        static ExpertUpdated of(String personId, Profile p, Instant at) {
            DaysOff d = p.daysOff();
            return new ExpertUpdated(personId, p.name(), p.email(), p.chatHandle(), p.timeZone(), p.workingHours(),
                    p.skills(), p.capacity(), p.presence(), at, p.slackUserId(), p.roles(),
                    d == null ? null : d.workingDays(), d == null ? null : d.holidays(),
                    d == null ? null : d.timeOff(), d == null ? null : d.urgentOnDaysOff());
        }

        /** Events from before Slack links, roles and calendars carry none: no link, no roles, never off. */
        public Profile profile() {
            return new Profile(name, email, chatHandle, timeZone, workingHours, skills, capacity, presence, slackUserId,
                    roles == null ? List.of() : roles, DaysOff.of(workingDays, holidays, timeOff, urgentOnDaysOff));
        }
    }

    /**
     * A pod (a team for some products or areas) as it is now: the whole definition, each time it changes.
     * {@code slackChannel} is the Slack channel id the pod's swarms are announced in; null when none.
     */
    @EventType("pod-defined")
    record PodDefined(String podId, String name, List<String> products, List<String> skills, List<String> members,
            List<String> leads, String slackChannel, String definedBy, Instant definedAt) implements PodEvent {

        static PodDefined of(String podId, PodDefinition d, String definedBy, Instant at) {
            return new PodDefined(podId, d.name(), d.products(), d.skills(), d.members(), d.leads(), d.slackChannel(),
                    definedBy, at);
        }

        public PodDefinition definition() {
            return new PodDefinition(name, products, skills, members, leads, slackChannel);
        }
    }

    /**
     * A skill's whole definition in the taxonomy, each time an admin sets it: its synonyms, its broader skill
     * (null when none) and related skills with their weights. {@code skillId} is {@code skill:<skill>}, the
     * stream and the record key: skills, people and pods share the topic's keys, and the prefix (no person or
     * pod id has a ':') keeps a skill named like a pod apart from it.
     */
    @EventType("skill-defined")
    record SkillDefined(String skillId, String skill, List<String> synonyms, String broader,
            Map<String, Double> related, String definedBy, Instant definedAt) implements SkillEvent {

        public static final String STREAM_PREFIX = "skill:";

        public static String streamOf(String skill) {
            return STREAM_PREFIX + skill;
        }

        public static SkillDefined of(SkillDefinition d, String definedBy, Instant at) {
            return new SkillDefined(streamOf(d.skill()), d.skill(), d.synonyms(), d.broader(), d.related(), definedBy,
                    at);
        }

        public SkillDefinition definition() {
            return new SkillDefinition(skill, synonyms, broader, related);
        }
    }

    /**
     * A person is asked to join a swarm; carries their contact details, and the case number and question,
     * for whoever notifies them: a subscriber need not have read the swarm's own events first (they travel
     * on another topic, in no order with this one). {@code podId} is the pod the swarm was routed to, and
     * {@code crossPod} whether the person is not one of its members (helping another pod, to be credited for
     * it); both null when the swarm has no pod, and on older events. {@code scoreParts} are the parts of the
     * score and {@code evidence} the reasons for it in words (both null on older events).
     */
    @EventType("expert-invited")
    record ExpertInvited(UUID swarmId, UUID caseId, String personId, String name, String email, String chatHandle,
            List<String> matchedSkills, double score, Instant invitedAt, String caseNumber, String question,
            String podId, Boolean crossPod, ScoreParts scoreParts, List<String> evidence) implements StaffingEvent {
    }

    /** The parts of a candidate's score, as {@link Candidate} carries them. */
    record ScoreParts(double skillMatch, double similarCase, double productFit, double availability, double capacity,
            boolean inPod, double fatigue) {

        public static ScoreParts of(Candidate candidate) {
            return new ScoreParts(candidate.skillMatch(), candidate.similarCase(), candidate.productFit(),
                    candidate.availability(), candidate.capacity(), candidate.inPod(), candidate.fatigue());
        }
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
