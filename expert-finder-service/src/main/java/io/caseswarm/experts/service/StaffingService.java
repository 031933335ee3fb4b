package io.caseswarm.experts.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.caseswarm.experts.config.InvitationsConfig;
import io.caseswarm.experts.domain.Candidate;
import io.caseswarm.experts.domain.CandidateQuery;
import io.caseswarm.experts.domain.Learning;
import io.caseswarm.experts.domain.ExpertEvent.ExpertInvitationExpired;
import io.caseswarm.experts.domain.ExpertEvent.ExpertInvited;
import io.caseswarm.experts.domain.ExpertEvent.StaffingEvent;
import io.caseswarm.experts.domain.Staffing;
import io.caseswarm.experts.domain.SwarmRequest;
import io.caseswarm.experts.projection.Assignments;
import io.caseswarm.experts.projection.ExpertAssignment;
import io.caseswarm.experts.projection.ExpertProfile;
import io.caseswarm.experts.projection.ExpertProjector;
import io.caseswarm.experts.projection.Expertise;
import io.caseswarm.experts.projection.StaffingDecision;
import io.caseswarm.experts.projection.PodView;
import io.caseswarm.experts.projection.SwarmStaffing;
import io.caseswarm.platform.deadline.Deadlines;
import io.caseswarm.platform.store.EventStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Staffs swarms as they are requested and answered. Invitations form the swarm's stream in the
 * expert finder's store (keyed by the swarm), so who was invited before is known from its events.
 * Each invitation waits for an answer until its timeout ({@link InvitationExpiry}), scheduled in the
 * transaction that invites and cancelled in the one that records the answer.
 */
@ApplicationScoped
public class StaffingService {

    private static final Logger LOG = Logger.getLogger(StaffingService.class);

    private final EventStore store;
    private final ExpertProjector projector;
    private final Assignments assignments;
    private final Expertise expertise;
    private final ExpertDirectory directory;
    private final Deadlines deadlines;
    private final InvitationsConfig invitations;
    private final MeterRegistry metrics;
    private final Clock clock;

    StaffingService(EventStore store, ExpertProjector projector, Assignments assignments, Expertise expertise,
            ExpertDirectory directory, Deadlines deadlines, InvitationsConfig invitations, MeterRegistry metrics,
            Clock clock) {
        this.store = store;
        this.projector = projector;
        this.assignments = assignments;
        this.expertise = expertise;
        this.directory = directory;
        this.deadlines = deadlines;
        this.invitations = invitations;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void swarmRequested(SwarmRequest request) {
        SwarmStaffing staffing = new SwarmStaffing();
        staffing.swarmId = request.swarmId();
        staffing.caseId = request.caseId();
        staffing.ownerId = request.ownerId();
        staffing.skills = request.skills();
        staffing.teamSize = request.teamSize();
        staffing.caseNumber = request.caseNumber();
        staffing.question = request.question();
        staffing.priority = request.priority();
        staffing.podId = request.podId();
        staffing.type = request.type();
        staffing.product = request.product();
        staffing.stepsTried = request.stepsTried();
        staffing.open = true;
        staffing.persist();
        invite(staffing, request.teamSize(), List.of(), "requested");
    }

    /**
     * A decline frees the person and makes room on the team: the next best candidate is asked. A decline
     * that crossed the invitation's expiry finds the place freed and its replacement asked already, and
     * asks nobody else.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void declined(UUID swarmId, String personId) {
        answered(swarmId, personId);
        boolean heldAPlace = assignments.release(swarmId, personId);
        SwarmStaffing staffing = SwarmStaffing.findById(swarmId);
        expertise.learn(Learning.declined(swarmId, personId, staffing == null ? null : staffing.caseNumber,
                clock.instant()));
        if (heldAPlace && staffing != null && staffing.open) {
            invite(staffing, 1, List.of(), "declined by " + personId);
        }
    }

    /**
     * The swarm followed its case to a new owner: whoever is asked next must not be the owner, as at the
     * start. Who was invited already stays invited.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ownerChanged(UUID swarmId, String ownerId) {
        SwarmStaffing staffing = SwarmStaffing.findById(swarmId);
        if (staffing != null) {
            staffing.ownerId = ownerId;
        }
    }

    /**
     * The person is in the swarm. Swarm-service decides who is a member: a join it recorded before it saw
     * the invitation's expiry stands, so the person carries the swarm again even though their lapsed
     * invitation had freed them (and their replacement stays invited).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void joined(UUID swarmId, String personId) {
        answered(swarmId, personId);
        ExpertAssignment assignment = ExpertAssignment.of(swarmId, personId)
                .orElseGet(() -> assignments.hold(swarmId, personId, ExpertAssignment.JOINED));
        assignment.status = ExpertAssignment.JOINED;
    }

    /**
     * The owner or a lead added the person by name: they work on the swarm (their load counts it, and nobody
     * invites them to it again) but hold none of the places the expert finder fills.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void added(UUID swarmId, String personId) {
        if (ExpertAssignment.of(swarmId, personId).isEmpty()) {
            assignments.hold(swarmId, personId, ExpertAssignment.ADDED);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void left(UUID swarmId, String personId) {
        answered(swarmId, personId);
        assignments.release(swarmId, personId);
    }

    /**
     * The swarm's owner asked for {@code count} more experts: the team grows by that many places, and that
     * many more are asked by the usual rules (never the owner, nobody asked before). A closed swarm asks
     * nobody.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moreWanted(UUID swarmId, int count) {
        SwarmStaffing staffing = SwarmStaffing.findById(swarmId);
        if (staffing == null || !staffing.open) {
            return;
        }
        staffing.teamSize += count;
        invite(staffing, count, List.of(), count + " more wanted");
    }

    /** The skills the swarm asks for from now on; who was invited stays invited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void skillsChanged(UUID swarmId, List<String> skills) {
        SwarmStaffing staffing = SwarmStaffing.findById(swarmId);
        if (staffing != null) {
            staffing.skills = skills;
        }
    }

    /** A closed (or cancelled) swarm asks nobody else, and everyone it held is free again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(UUID swarmId) {
        SwarmStaffing staffing = SwarmStaffing.findById(swarmId);
        if (staffing != null) {
            staffing.open = false;
        }
        assignments.releaseAll(swarmId);
        deadlines.cancelAll(swarmId.toString());
    }

    /**
     * An invitation's timeout is due. If the person has still neither joined nor declined and the swarm
     * is open, the invitation lapses, their place is free, and the next candidate is asked as after a
     * decline. Otherwise (they answered a moment ago, the swarm closed) nothing happens.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void invitationTimedOut(UUID swarmId, String personId) {
        SwarmStaffing staffing = SwarmStaffing.findById(swarmId);
        boolean waiting = ExpertAssignment.of(swarmId, personId)
                .filter(assignment -> ExpertAssignment.PENDING.equals(assignment.status)).isPresent();
        if (staffing == null || !staffing.open || !waiting) {
            return;
        }
        List<StaffingEvent> history = history(swarmId);
        Instant invitedAt = history.stream()
                .filter(event -> event instanceof ExpertInvited invited && invited.personId().equals(personId))
                .map(event -> ((ExpertInvited) event).invitedAt())
                .reduce((first, last) -> last).orElse(null);
        ExpertInvitationExpired expired = new ExpertInvitationExpired(swarmId, staffing.caseId, staffing.caseNumber,
                personId, invitedAt, clock.instant());
        metrics.counter("caseswarm.invitations.expired").increment();
        LOG.infof("Invitation of %s to swarm %s expired unanswered; asking the next candidate", personId, swarmId);
        expertise.learn(Learning.declined(swarmId, personId, staffing.caseNumber, expired.expiredAt()));
        invite(staffing, 1, List.of(expired), "invitation of " + personId + " lapsed");
    }

    /**
     * Asks up to {@code howMany} new people, after appending {@code before} (what made room). When the
     * team still has open places and nobody is left to ask, the swarm is unstaffed: said once, until
     * somebody is invited again.
     */
    private void invite(SwarmStaffing staffing, int howMany, List<StaffingEvent> before, String reason) {
        SwarmRequest request = staffing.request();
        String swarmId = request.swarmId().toString();
        List<StaffingEvent> history = history(request.swarmId());
        Set<String> invitedBefore = history.stream()
                .filter(ExpertInvited.class::isInstance)
                .map(event -> ((ExpertInvited) event).personId())
                .collect(Collectors.toCollection(HashSet::new));
        invitedBefore.addAll(ExpertAssignment.peopleIn(request.swarmId()));
        Instant now = clock.instant();
        Set<String> notAgain = new HashSet<>(invitedBefore);
        notAgain.add(request.ownerId());
        CandidateQuery query = new CandidateQuery(request.skills(), request.product(), request.text(),
                PodView.membersOf(request.podId()), notAgain, null, request.urgent(), swarmId);
        List<Candidate> ranked = directory.staffingCandidates(query, Staffing.pool(howMany));
        List<ExpertInvited> invited = Staffing.invite(request, invitedBefore, ranked, howMany, now);
        record(staffing, reason, ranked, invited, now);
        List<StaffingEvent> events = new ArrayList<>(before);
        events.addAll(invited);
        long freed = before.stream().filter(ExpertInvitationExpired.class::isInstance).count();
        int openPlaces = (int) (staffing.teamSize - (ExpertAssignment.taken(request.swarmId()) - freed + invited.size()));
        Staffing.unstaffed(request, howMany, invited.size(), openPlaces, staffing.unstaffed, now).ifPresent(unstaffed -> {
            events.add(unstaffed);
            metrics.counter("caseswarm.swarms.unstaffed").increment();
        });
        if (events.isEmpty()) {
            return;
        }
        projector.append(swarmId, history.size(), events);
        for (ExpertInvited invitation : invited) {
            scheduleTimeout(staffing, invitation);
        }
    }

    /**
     * Keeps the decision as it stood (GET /staffing/{swarmId}), and counts each invitation against the invitee's
     * fatigue.
     */
    private void record(SwarmStaffing staffing, String reason, List<Candidate> ranked, List<ExpertInvited> invited,
            Instant now) {
        StaffingDecision decision = new StaffingDecision();
        decision.swarmId = staffing.swarmId;
        decision.decidedAt = now;
        decision.reason = reason;
        decision.ranked = ranked.subList(0, Math.min(StaffingDecision.KEPT, ranked.size()));
        decision.invited = invited.stream().map(ExpertInvited::personId).toList();
        decision.persist();
        for (ExpertInvited invitation : invited) {
            expertise.learn(Learning.invited(staffing.swarmId, invitation.personId(), staffing.caseNumber, now));
        }
    }

    /** Invitations to backlog swarms wait as long as it takes: they get no timeout. */
    private void scheduleTimeout(SwarmStaffing staffing, ExpertInvited invitation) {
        ExpertProfile invitee = ExpertProfile.findById(invitation.personId());
        invitations.timeoutFor(staffing.type, staffing.priority).ifPresent(timeout -> deadlines.schedule(
                InvitationExpiry.KIND, staffing.swarmId.toString(), invitation.personId(),
                timeout.expiresAt(invitation.invitedAt(), invitee.profile()),
                Map.of("invitedAt", invitation.invitedAt().toString())));
    }

    /** An answer ends the wait for one: the invitation can no longer expire. */
    private void answered(UUID swarmId, String personId) {
        deadlines.cancel(InvitationExpiry.KIND, swarmId.toString(), personId);
    }

    private List<StaffingEvent> history(UUID swarmId) {
        return store.load(swarmId.toString(), ExpertProjector.STAFFING);
    }
}
