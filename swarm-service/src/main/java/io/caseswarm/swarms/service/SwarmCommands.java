package io.caseswarm.swarms.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.deadline.Deadlines;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.rest.PersonIds;
import io.caseswarm.platform.retry.RetryOnConflict;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;
import io.caseswarm.swarms.config.SwarmsConfig;
import io.caseswarm.swarms.domain.MemberStatus;
import io.caseswarm.swarms.domain.RequestSwarm;
import io.caseswarm.swarms.domain.Swarm;
import io.caseswarm.swarms.domain.SwarmEvent;
import io.caseswarm.swarms.domain.SwarmStatus;
import io.caseswarm.swarms.domain.SwarmType;
import io.caseswarm.swarms.pod.Pod;
import io.caseswarm.swarms.projection.KnownCase;
import io.caseswarm.swarms.projection.SwarmProjector;
import io.caseswarm.swarms.projection.SwarmView;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.ForbiddenException;

/**
 * Handles the commands on swarms, each in one transaction: decide, append (and so publish), project.
 * Commands that come from other services' events join the inbox's transaction; a reminder joins the
 * transaction of its deadline. Each open swarm has one reminder deadline, scheduled with the request,
 * moved by every post and cancelled when the swarm closes.
 */
@ApplicationScoped
@RetryOnConflict
public class SwarmCommands {

    public static final String STREAM_TYPE = "swarm";
    private static final Logger LOG = Logger.getLogger(SwarmCommands.class);

    private final EventStore store;
    private final SwarmProjector projector;
    private final Deadlines deadlines;
    private final SwarmsConfig config;
    private final PlatformClock clock;
    private final MeterRegistry metrics;

    SwarmCommands(EventStore store, SwarmProjector projector, Deadlines deadlines, SwarmsConfig config,
            PlatformClock clock, MeterRegistry metrics) {
        this.store = store;
        this.projector = projector;
        this.deadlines = deadlines;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * The owner of an open case, or a lead on the owner's behalf, asks for a swarm on it. The swarm is the
     * case owner's either way: the owner stays responsible for the case.
     */
    @Transactional
    public void request(RequestSwarm command, Caller caller) {
        KnownCase knownCase = KnownCase.findById(command.caseId());
        if (knownCase == null) {
            throw new NotFoundException("Case " + command.caseId() + " is not known (yet) to the swarm service");
        }
        if (!caller.isSelf(knownCase.ownerId) && !caller.is(Roles.LEAD)) {
            throw new ForbiddenException(
                    "Only the owner of case " + knownCase.number + " or a lead asks for a swarm on it");
        }
        if (!KnownCase.OPEN.equals(knownCase.status)) {
            throw new CommandRejectedException("Case " + knownCase.number + " is " + knownCase.status);
        }
        if (knownCase.ownerId == null) {
            throw new CommandRejectedException("Case " + knownCase.number + " has no owner yet; assign it first");
        }
        start(command, knownCase, caller.id(), null);
    }

    /**
     * An automation rule of case-service asks for a swarm on the owner's behalf ({@code case-swarm-wanted}).
     * Nothing happens when the case already has an open swarm, is not open, or has no owner: the rule wants
     * the case swarmed, not a second swarm. Returns whether a swarm was requested.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean requestForRule(RequestSwarm command, String onBehalfOf, String rule) {
        KnownCase knownCase = KnownCase.findById(command.caseId());
        if (knownCase == null) {
            throw new IllegalStateException("A swarm is wanted on case " + command.caseId() + ", which was never opened");
        }
        if (!KnownCase.OPEN.equals(knownCase.status) || knownCase.ownerId == null || openSwarmOf(command.caseId())
                .isPresent() || !store.load(command.swarmId().toString()).isEmpty()) {
            LOG.infof("No swarm for %s on case %s: it is %s, %s", rule, knownCase.number, knownCase.status,
                    knownCase.ownerId == null ? "has no owner" : "or has an open swarm");
            return false;
        }
        start(command, knownCase, onBehalfOf, rule);
        return true;
    }

    /**
     * Routes the swarm to the pod of its case's product (if a pod covers it) and settles its type (given, or
     * by the case's priority) and team size (given, or the type's).
     */
    private void start(RequestSwarm command, KnownCase knownCase, String requestedBy, String requestedVia) {
        Instant now = clock.now();
        SwarmType type = SwarmType.orDefault(command.type(), knownCase.priority);
        RequestSwarm settled = new RequestSwarm(command.swarmId(), command.caseId(), command.question(),
                command.stepsTried(), command.skills(),
                command.teamSize() != null ? command.teamSize() : config.teamSize(type), type);
        Optional<Pod> pod = Pod.forProduct(knownCase.product);
        append(command.swarmId(), 0, Swarm.request(settled, new Swarm.CaseFacts(knownCase.number, knownCase.ownerId,
                knownCase.priority, pod.map(p -> p.podId).orElse(null), pod.map(p -> p.leads).orElse(null), knownCase.product),
                requestedBy, requestedVia, now));
        scheduleReminder(command.swarmId(), knownCase.priority, now, 0);
    }

    /** The case passed to a new owner: its open swarms follow, so the new owner works with their experts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void followCaseOwner(UUID caseId, String ownerId) {
        for (SwarmView swarm : SwarmView.<SwarmView>list("caseId", caseId)) {
            decide(swarm.swarmId, aggregate -> aggregate.followOwner(ownerId, clock.now()));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordInvitation(UUID swarmId, String personId) {
        decide(swarmId, swarm -> swarm.recordInvitation(personId, clock.now()));
    }

    /** The expert finder let an invitation lapse; a join recorded before this stands (see {@link Swarm#recordExpiry}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordExpiry(UUID swarmId, String personId, Instant expiredAt) {
        decide(swarmId, swarm -> swarm.recordExpiry(personId, expiredAt));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordStaffingStalled(UUID swarmId, List<String> skills, int openPlaces, Instant stalledAt) {
        decide(swarmId, swarm -> swarm.recordStaffingStalled(skills, openPlaces, stalledAt));
    }

    @Transactional
    public void join(UUID swarmId, String personId) {
        decide(swarmId, swarm -> swarm.join(personId, clock.now()));
    }

    @Transactional
    public void decline(UUID swarmId, String personId, String reason) {
        decide(swarmId, swarm -> swarm.decline(personId, reason, clock.now()));
    }

    @Transactional
    public void leave(UUID swarmId, String personId) {
        decide(swarmId, swarm -> swarm.leave(personId, clock.now()));
    }

    /**
     * The caller posts under their own name if they own the swarm, joined it, or lead. Checked against the
     * swarm's history in the transaction that appends, so an expert who has just left cannot slip a post in.
     */
    @Transactional
    public UUID post(UUID swarmId, Caller author, String text) {
        UUID postId = UUID.randomUUID();
        Instant now = clock.now();
        Swarm swarm = decide(swarmId, aggregate -> {
            if (!aggregate.mayPost(author.id()) && !author.is(Roles.LEAD)) {
                throw new ForbiddenException(author.id() + " neither owns nor has joined this swarm");
            }
            return aggregate.post(postId, author.id(), text, now);
        });
        scheduleReminder(swarmId, swarm.priority(), now, 0);
        return postId;
    }

    /**
     * An automation rule of case-service asks for a post in the case's open swarm
     * ({@code case-swarm-post-wanted}): under {@code by}'s name when that is a person, else by the swarm's
     * bot naming the rule. Nothing when the case has no open swarm.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void postForRule(UUID caseId, UUID postId, String by, String text) {
        Optional<SwarmView> open = openSwarmOf(caseId);
        if (open.isEmpty()) {
            LOG.infof("No open swarm on case %s for the post %s asked for", caseId, by);
            return;
        }
        UUID swarmId = open.get().swarmId;
        Instant now = clock.now();
        boolean person = by.matches(PersonIds.PATTERN);
        Swarm swarm = decide(swarmId,
                aggregate -> person ? aggregate.post(postId, by, text, now) : aggregate.postFor(by, postId, text, now));
        scheduleReminder(swarmId, swarm.priority(), now, 0);
    }

    /**
     * The swarm's feed has been quiet since the last post (or its request): the bot reminds it who has not
     * answered. The next reminder follows after as long again, up to the configured number in a row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remind(UUID swarmId, int sentBefore) {
        Instant now = clock.now();
        Swarm swarm = decide(swarmId,
                aggregate -> aggregate.remind(UUID.randomUUID(), config.reminderAfter(aggregate.priority()), now));
        if (!swarm.isOpen()) {
            return; // closed meanwhile: nothing was posted
        }
        metrics.counter("caseswarm.swarm.reminders").increment();
        if (sentBefore + 1 < config.reminders()) {
            scheduleReminder(swarmId, swarm.priority(), now, sentBefore + 1);
        }
    }

    /** The swarm's owner, or a lead, brings {@code personId} straight in (see {@link Swarm#addMember}). */
    @Transactional
    public void addMember(UUID swarmId, Caller caller, String personId, String reason) {
        steer(swarmId, caller, swarm -> swarm.addMember(personId, reason, caller.id(), clock.now()));
    }

    /** The swarm's owner, or a lead, asks the expert finder for {@code count} more experts. */
    @Transactional
    public void requestMoreExperts(UUID swarmId, Caller caller, int count) {
        steer(swarmId, caller, swarm -> swarm.requestMoreExperts(count, caller.id(), clock.now()));
    }

    /** The swarm's owner, or a lead, changes the skills later invitations look for. */
    @Transactional
    public void changeSkills(UUID swarmId, Caller caller, List<String> skills) {
        steer(swarmId, caller, swarm -> swarm.changeSkills(skills, caller.id(), clock.now()));
    }

    /** The swarm's owner, or a lead, calls the swarm off; its reminders end with it. */
    @Transactional
    public void cancel(UUID swarmId, Caller caller, String reason) {
        steer(swarmId, caller, swarm -> swarm.cancel(reason, caller.id(), clock.now()));
        deadlines.cancelAll(swarmId.toString());
    }

    /** The swarm's owner, or a lead, takes {@code personId} out of it (see {@link Swarm#removeMember}). */
    @Transactional
    public void removeMember(UUID swarmId, Caller caller, String personId, String reason) {
        steer(swarmId, caller, swarm -> swarm.removeMember(personId, reason, caller.id(), clock.now()));
    }

    /** The swarm's owner, or a lead, closes the swarm: its work is done. Its reminders end with it. */
    @Transactional
    public void close(UUID swarmId, Caller caller, String reason) {
        steer(swarmId, caller, swarm -> swarm.closeBy(reason, caller.id(), clock.now()));
        deadlines.cancelAll(swarmId.toString());
    }

    /** The swarm's owner, or a lead, marks a post of its feed as the answer (see {@link Swarm#markAnswer}). */
    @Transactional
    public void markAnswer(UUID swarmId, UUID postId, Caller caller) {
        steer(swarmId, caller, swarm -> swarm.markAnswer(existingPost(swarm, postId), caller.id(), clock.now()));
    }

    /** The swarm's owner, or a lead, takes the answer's mark off. */
    @Transactional
    public void unmarkAnswer(UUID swarmId, UUID postId, Caller caller) {
        steer(swarmId, caller, swarm -> swarm.unmarkAnswer(existingPost(swarm, postId), caller.id(), clock.now()));
    }

    /**
     * Asks case-service to write {@code text} to the case's customer in the caller's name (Slack's "Notify
     * customer"). Who works the case in the swarm may: its owner, a member who joined, or a lead who steers
     * it (see {@link #steer}); an expert who was only invited may not. Case-service checks its own rules again
     * when it writes. Answers the request's id.
     */
    @Transactional
    public UUID requestCustomerUpdate(UUID swarmId, Caller caller, String text) {
        UUID requestId = UUID.randomUUID();
        decide(swarmId, swarm -> {
            if (!swarm.isOwnedBy(caller.id()) && swarm.members().get(caller.id()) != MemberStatus.JOINED
                    && !leads(caller, swarm)) {
                throw new ForbiddenException("Only the owner of this swarm, a member who joined it or a lead who"
                        + " steers it writes to the customer from it");
            }
            return swarm.requestCustomerUpdate(requestId, caller.id(), staffRoles(caller), text, clock.now());
        });
        return requestId;
    }

    /**
     * Asks case-service to resolve the case in the caller's name (Slack's "Resolve case"): a steering command,
     * as closing the swarm is, so only its owner or a lead who steers it. The members who are in the swarm
     * are named as having helped. Answers the request's id.
     */
    @Transactional
    public UUID requestResolution(UUID swarmId, Caller caller, String summary) {
        UUID requestId = UUID.randomUUID();
        steer(swarmId, caller,
                swarm -> swarm.requestResolution(requestId, caller.id(), staffRoles(caller), summary, clock.now()));
        return requestId;
    }

    /** The roles case-service needs to know to apply its rules again; a customer's or a system's are not asked. */
    private static List<String> staffRoles(Caller caller) {
        return Stream.of(Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN).filter(caller::is).toList();
    }

    /** A post of another swarm, or of none, is not found here: which posts exist elsewhere is not told. */
    private static UUID existingPost(Swarm swarm, UUID postId) {
        if (!swarm.hasPost(postId)) {
            throw new NotFoundException("No post " + postId + " in swarm " + swarm.id());
        }
        return postId;
    }

    /** Everything that happened in the swarm, as stored, oldest first; null if there is no such swarm. */
    @Transactional
    public List<StoredEvent> history(UUID swarmId, long afterVersion, int limit) {
        return store.load(swarmId.toString(), afterVersion, limit);
    }

    /**
     * A steering command: only the swarm's current owner or a lead, checked against the swarm's history in
     * the transaction that appends. A swarm of a pod is steered by that pod's leads (and its owner), not by
     * the leads of other pods; a swarm of no pod by any lead.
     */
    private void steer(UUID swarmId, Caller caller, Function<Swarm, List<SwarmEvent>> decision) {
        decide(swarmId, swarm -> {
            if (!swarm.isOwnedBy(caller.id()) && !leads(caller, swarm)) {
                throw new ForbiddenException(swarm.podId() == null ? "Only the owner of this swarm or a lead steers it"
                        : "Only the owner of this swarm or a lead of pod " + swarm.podId() + " steers it");
            }
            return decision.apply(swarm);
        });
    }

    private static boolean leads(Caller caller, Swarm swarm) {
        return caller.is(Roles.LEAD) && (swarm.podId() == null || Pod.isLedBy(swarm.podId(), caller.id()));
    }

    /** A resolved case needs no swarm any more: every open one of it closes, and so do its reminders. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeSwarmsOf(UUID caseId, String reason) {
        for (SwarmView swarm : SwarmView.<SwarmView>list("caseId", caseId)) {
            decide(swarm.swarmId, aggregate -> aggregate.close(reason, clock.now()));
            deadlines.cancelAll(swarm.swarmId.toString());
        }
    }

    /**
     * The case was resolved: who was in any of its swarms is credited ({@link Swarm#credit}), those the
     * resolution names in {@code helpedBy} as having helped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void creditMembersOf(UUID caseId, String product, List<String> helpedBy) {
        for (SwarmView swarm : SwarmView.<SwarmView>list("caseId", caseId)) {
            decide(swarm.swarmId, aggregate -> aggregate.credit(product, helpedBy, clock.now()));
        }
    }

    /** The case's open swarm, the newest if there were ever several. */
    private static Optional<SwarmView> openSwarmOf(UUID caseId) {
        return SwarmView.<SwarmView>find("caseId = ?1 and status in ?2", Sort.descending("requestedAt"), caseId,
                List.of(SwarmStatus.REQUESTED, SwarmStatus.ACTIVE)).firstResultOptional();
    }

    private void scheduleReminder(UUID swarmId, String priority, Instant lastPost, int sent) {
        deadlines.schedule(SwarmReminders.KIND, swarmId.toString(), SwarmReminders.KEY,
                lastPost.plus(config.reminderAfter(priority)), Map.of("sent", sent));
    }

    /** Loads the swarm, appends what it decides, and returns it as it was before. */
    private Swarm decide(UUID swarmId, Function<Swarm, List<SwarmEvent>> decision) {
        List<SwarmEvent> history = store.load(swarmId.toString(), SwarmProjector.TYPES);
        if (history.isEmpty()) {
            throw new NotFoundException("No swarm " + swarmId);
        }
        Swarm swarm = Swarm.replay(history);
        append(swarmId, swarm.version(), decision.apply(swarm));
        return swarm;
    }

    private void append(UUID swarmId, long expectedVersion, List<SwarmEvent> events) {
        projector.project(store.append(STREAM_TYPE, swarmId.toString(), expectedVersion, events));
    }
}
