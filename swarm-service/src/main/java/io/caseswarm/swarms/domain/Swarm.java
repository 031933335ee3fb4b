package io.caseswarm.swarms.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmAnswerMarked;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmAnswerUnmarked;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmCancelled;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmClosed;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmCustomerUpdateRequested;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmExpertsRequested;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberAdded;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberCredited;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberDeclined;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberExpired;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberInvited;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberJoined;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberLeft;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberRemoved;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmOwnerChanged;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmPostAdded;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmRequested;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmResolutionRequested;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmSkillsChanged;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmStaffingStalled;

/**
 * A swarm: the experts brought to one case, and their conversation. Decides who may join, answer and
 * post; {@link #apply} is the only place its state changes.
 */
public final class Swarm {

    /** The swarm's own voice in its feed: reminders, and posts automation rules ask for. */
    public static final String BOT = "swarm-bot";
    /**
     * {@code @} and a person id ({@link io.caseswarm.platform.rest.PersonIds}), not inside a word or an e-mail
     * address; the id's own last characters may be sentence punctuation ({@code @raj.patel.}).
     */
    private static final Pattern MENTION = Pattern.compile("(?<![a-z0-9._@-])@([a-z0-9][a-z0-9._@-]{1,63})");

    private SwarmRequested request;
    /** The case's owner now: the owner asked for, or whoever the case passed to since. */
    private String ownerId;
    private SwarmStatus status;
    /** The skills asked for: the request's, then each change's. */
    private List<String> skills;
    private final Map<String, MemberStatus> members = new LinkedHashMap<>();
    /** Everybody who was ever in the swarm (joined or added), in order, those who left included. */
    private final Set<String> everJoined = new LinkedHashSet<>();
    private final Map<String, Integer> posts = new HashMap<>();
    private final Set<String> credited = new HashSet<>();
    /** The ids of the feed's posts: an answer must be one of them. */
    private final Set<UUID> postIds = new HashSet<>();
    /** The post marked as the answer; null while none is. */
    private UUID answer;
    private long version;

    private Swarm() {
    }

    public static Swarm replay(List<? extends SwarmEvent> history) {
        Swarm swarm = new Swarm();
        history.forEach(swarm::apply);
        return swarm;
    }

    /**
     * The swarm belongs to the case's owner, who stays responsible for the case; it records who asked
     * (a person; {@code requestedVia} the automation rule when no person did), the case's priority and the
     * pod it goes to. The command's team size and type are decided by now (the type's defaults).
     */
    public static List<SwarmEvent> request(RequestSwarm command, CaseFacts facts, String requestedBy,
            String requestedVia, Instant now) {
        return List.of(new SwarmRequested(command.swarmId(), command.caseId(), facts.number(), facts.ownerId(),
                command.question().strip(), command.stepsTried(), command.skills(), command.teamSize(), now,
                requestedBy, requestedVia, facts.priority(), facts.podId(), command.type(), facts.podLeadIds(),
                facts.product()));
    }

    /**
     * What a swarm request takes from its case, as swarm-service learnt it; {@code podId} is the pod whose
     * products include the case's product (null: none), and {@code podLeadIds} its leads (null: no pod);
     * {@code product} the case's product (null: none), which the expert finder weighs experience of.
     */
    public record CaseFacts(String number, String ownerId, String priority, String podId, List<String> podLeadIds,
            String product) {
    }

    /**
     * A swarm follows its case's current owner, so that whoever is responsible for the case can work with
     * its experts. A closed swarm keeps the owner it had.
     */
    public List<SwarmEvent> followOwner(String caseOwnerId, Instant now) {
        if (isOver() || caseOwnerId.equals(ownerId)) {
            return List.of();
        }
        return List.of(new SwarmOwnerChanged(id(), caseId(), caseOwnerId, ownerId, now));
    }

    /** An invitation to a closed swarm, or of someone already asked, changes nothing. */
    public List<SwarmEvent> recordInvitation(String personId, Instant now) {
        if (isOver() || members.containsKey(personId)) {
            return List.of();
        }
        return List.of(new SwarmMemberInvited(id(), caseId(), personId, now));
    }

    /**
     * Joining takes a live invitation. One that lapsed before the join arrived is over: the next candidate
     * was asked in the person's place, so the join is refused (409) rather than making the team bigger.
     */
    public List<SwarmEvent> join(String personId, Instant now) {
        requireOpen();
        if (members.get(personId) == MemberStatus.EXPIRED) {
            throw new CommandRejectedException(personId + " cannot join: the invitation expired unanswered and the"
                    + " next candidate was asked");
        }
        requireMember(personId, MemberStatus.INVITED, "join");
        return List.of(new SwarmMemberJoined(id(), caseId(), personId, now));
    }

    public List<SwarmEvent> decline(String personId, String reason, Instant now) {
        requireOpen();
        requireMember(personId, MemberStatus.INVITED, "decline");
        return List.of(new SwarmMemberDeclined(id(), caseId(), personId, reason, now));
    }

    /**
     * The expert finder let the invitation lapse. Whatever this swarm recorded first wins: a join (or a
     * decline) that arrived before the expiry stands, and the expiry changes nothing.
     */
    public List<SwarmEvent> recordExpiry(String personId, Instant expiredAt) {
        if (isOver() || members.get(personId) != MemberStatus.INVITED) {
            return List.of();
        }
        return List.of(new SwarmMemberExpired(id(), caseId(), personId, expiredAt));
    }

    /** The expert finder ran out of people to ask; an open swarm records it, a closed one needs nobody. */
    public List<SwarmEvent> recordStaffingStalled(List<String> skills, int openPlaces, Instant stalledAt) {
        if (isOver()) {
            return List.of();
        }
        return List.of(new SwarmStaffingStalled(id(), caseId(), skills, openPlaces, stalledAt));
    }

    public List<SwarmEvent> leave(String personId, Instant now) {
        requireOpen();
        requireMember(personId, MemberStatus.JOINED, "leave");
        return List.of(new SwarmMemberLeft(id(), caseId(), personId, now));
    }

    /**
     * The owner or a lead takes someone invited or in the swarm out of it. Somebody who declined, left or
     * let the invitation lapse is out already (409), and so is anybody never in it.
     */
    public List<SwarmEvent> removeMember(String personId, String reason, String removedBy, Instant now) {
        requireOpen();
        MemberStatus current = members.get(personId);
        if (current != MemberStatus.INVITED && current != MemberStatus.JOINED) {
            throw new CommandRejectedException(personId + " is not in this swarm"
                    + (current == null ? "" : ": already " + current.name().toLowerCase()));
        }
        return List.of(new SwarmMemberRemoved(id(), caseId(), personId, reason, removedBy, now));
    }

    /** The owner and the experts who joined talk in the feed; invited experts only read it. */
    public boolean mayPost(String personId) {
        return personId.equals(ownerId) || members.get(personId) == MemberStatus.JOINED;
    }

    /**
     * Who may post ({@link #mayPost}) is checked by the command handler, because a lead, who is no member,
     * may step in too; here only the swarm's state decides.
     */
    public List<SwarmEvent> post(UUID postId, String authorId, String text, Instant now) {
        requireOpen();
        return List.of(new SwarmPostAdded(id(), caseId(), postId, authorId, text, now, null,
                mentionedIn(text, authorId)));
    }

    /** A post an automation rule asked for: the bot writes it, naming the rule. */
    public List<SwarmEvent> postFor(String rule, UUID postId, String text, Instant now) {
        requireOpen();
        return List.of(new SwarmPostAdded(id(), caseId(), postId, BOT, text, now, rule, mentionedIn(text, BOT)));
    }

    /**
     * Who {@code text} mentions as {@code @person-id}, in the order named, once each: only people who may read
     * the feed (the owner, and members invited or joined), never the author. Anybody else's id is just text:
     * a mention tells its person what the post says, so it must not reach somebody the swarm is closed to.
     * To bring somebody in, the owner adds them.
     */
    public List<String> mentionedIn(String text, String authorId) {
        Set<String> mentioned = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            String id = matcher.group(1);
            // "@raj.patel." ends a sentence: try the id without the punctuation it may end with.
            for (String candidate : List.of(id, id.replaceAll("[._@-]+$", ""))) {
                if (!candidate.equals(authorId) && mayReadFeed(candidate)) {
                    mentioned.add(candidate);
                    break;
                }
            }
        }
        return List.copyOf(mentioned);
    }

    private boolean mayReadFeed(String personId) {
        MemberStatus status = members.get(personId);
        return personId.equals(ownerId) || status == MemberStatus.INVITED || status == MemberStatus.JOINED;
    }

    /**
     * The owner (or a lead: checked by the command handler) marks a post of this feed as the answer. One
     * answer at a time: another post is marked only after the mark is taken off the first. A cancelled swarm
     * is refused; a closed one can still have its answer marked, for whoever reads it later.
     */
    public List<SwarmEvent> markAnswer(UUID postId, String markedBy, Instant now) {
        requireNotCancelled();
        requirePost(postId);
        if (answer != null) {
            throw new CommandRejectedException(answer.equals(postId) ? "Post " + postId + " is the answer already"
                    : "Post " + answer + " is marked as the answer; take that mark off first");
        }
        return List.of(new SwarmAnswerMarked(id(), caseId(), postId, markedBy, now));
    }

    /** Takes the mark off the post marked as the answer. */
    public List<SwarmEvent> unmarkAnswer(UUID postId, String unmarkedBy, Instant now) {
        requireNotCancelled();
        requirePost(postId);
        if (!postId.equals(answer)) {
            throw new CommandRejectedException("Post " + postId + " is not marked as the answer");
        }
        return List.of(new SwarmAnswerUnmarked(id(), caseId(), postId, unmarkedBy, now));
    }

    /** Whether {@code postId} is a post of this swarm's feed (the command handler answers 404 otherwise). */
    public boolean hasPost(UUID postId) {
        return postIds.contains(postId);
    }

    private void requirePost(UUID postId) {
        if (!hasPost(postId)) {
            throw new CommandRejectedException("Post " + postId + " is not in swarm " + id());
        }
    }

    private void requireNotCancelled() {
        if (status == SwarmStatus.CANCELLED) {
            throw new CommandRejectedException("The swarm is cancelled");
        }
    }

    /**
     * The feed has been quiet for {@code quietFor}: the bot reminds the swarm who was asked and has not
     * answered, and who is in it. Nothing for a swarm that is over.
     */
    public List<SwarmEvent> remind(UUID postId, Duration quietFor, Instant now) {
        if (isOver()) {
            return List.of();
        }
        List<String> waitingFor = withStatus(MemberStatus.INVITED);
        List<String> in = withStatus(MemberStatus.JOINED);
        StringBuilder text = new StringBuilder("Nothing has been posted here for ").append(describe(quietFor))
                .append(". ");
        text.append(waitingFor.isEmpty() ? "Nobody invited is still to answer."
                : "Still to answer their invitation: " + String.join(", ", waitingFor) + ".");
        text.append(" In the swarm: ").append(ownerId).append(" (owner)");
        in.forEach(member -> text.append(", ").append(member));
        text.append('.');
        return List.of(new SwarmPostAdded(id(), caseId(), postId, BOT, text.toString(), now, null, List.of()));
    }

    private List<String> withStatus(MemberStatus status) {
        return members.entrySet().stream().filter(member -> member.getValue() == status).map(Map.Entry::getKey)
                .toList();
    }

    private static String describe(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % 60 != 0) {
            return minutes + " minutes";
        }
        long hours = minutes / 60;
        return hours == 1 ? "an hour" : hours + " hours";
    }

    /**
     * Asks case-service to write to the customer. Who may ask is checked by the command handler (the owner,
     * a member who joined, or a lead who steers the swarm); here only the swarm's state decides: an open swarm.
     */
    public List<SwarmEvent> requestCustomerUpdate(UUID requestId, String personId, List<String> roles, String text,
            Instant now) {
        requireOpen();
        return List.of(new SwarmCustomerUpdateRequested(id(), caseId(), requestId, personId, roles, text, now));
    }

    /**
     * Asks case-service to resolve the case, naming as having helped the members in the swarm now (joined):
     * the people the resolution credits. Only while the swarm is open; who may ask, the command handler checks.
     */
    public List<SwarmEvent> requestResolution(UUID requestId, String personId, List<String> roles, String summary,
            Instant now) {
        requireOpen();
        return List.of(new SwarmResolutionRequested(id(), caseId(), requestId, personId, roles, summary,
                withStatus(MemberStatus.JOINED), now));
    }

    /** Whether {@code personId} owns the swarm now, and so steers it (as a lead may too). */
    public boolean isOwnedBy(String personId) {
        return personId.equals(ownerId);
    }

    /** The pod the swarm was routed to; null when none (or asked for before pods). */
    public String podId() {
        return request.podId();
    }

    /**
     * The owner (or a lead) brings a named person in at once, without the expert finder. Somebody still
     * invited or in the swarm is a member already; somebody who declined, left or let an invitation lapse
     * may be brought back this way.
     */
    public List<SwarmEvent> addMember(String personId, String reason, String addedBy, Instant now) {
        requireOpen();
        if (personId.equals(ownerId)) {
            throw new CommandRejectedException(personId + " owns this swarm and is in it already");
        }
        MemberStatus current = members.get(personId);
        if (current == MemberStatus.INVITED || current == MemberStatus.JOINED) {
            throw new CommandRejectedException(personId + " is already " + current.name().toLowerCase()
                    + " in this swarm");
        }
        return List.of(new SwarmMemberAdded(id(), caseId(), personId, reason, addedBy, now));
    }

    /** The owner (or a lead) asks the expert finder for {@code count} more experts. */
    public List<SwarmEvent> requestMoreExperts(int count, String requestedBy, Instant now) {
        requireOpen();
        return List.of(new SwarmExpertsRequested(id(), caseId(), count, requestedBy, now));
    }

    /** The skills later invitations look for; asking for the same skills again changes nothing. */
    public List<SwarmEvent> changeSkills(List<String> newSkills, String changedBy, Instant now) {
        requireOpen();
        if (newSkills.equals(skills)) {
            return List.of();
        }
        return List.of(new SwarmSkillsChanged(id(), caseId(), newSkills, skills, changedBy, now));
    }

    /** The owner (or a lead) calls the swarm off; one that is closed or cancelled already is refused. */
    public List<SwarmEvent> cancel(String reason, String cancelledBy, Instant now) {
        requireOpen();
        return List.of(
                new SwarmCancelled(id(), caseId(), reason, withStatus(MemberStatus.JOINED), cancelledBy, now));
    }

    /**
     * The owner or a lead closes the swarm before its case is resolved: it did its work. Unlike a cancel,
     * nothing was called off; one that is closed or cancelled already is refused.
     */
    public List<SwarmEvent> closeBy(String reason, String closedBy, Instant now) {
        requireOpen();
        return List.of(new SwarmClosed(id(), caseId(), reason, withStatus(MemberStatus.JOINED), now, closedBy));
    }

    /**
     * The case was resolved: each person who was ever in the swarm is credited, once however often the
     * resolution arrives (a case resolved, reopened and resolved again credits nobody twice). A closed or
     * cancelled swarm credits too: who joined it worked on the case.
     */
    public List<SwarmEvent> credit(String product, List<String> helpedBy, Instant now) {
        return everJoined.stream().filter(person -> !credited.contains(person))
                .<SwarmEvent>map(person -> new SwarmMemberCredited(id(), caseId(), person, product, skills,
                        posts.getOrDefault(person, 0), helpedBy.contains(person), now))
                .toList();
    }

    public List<SwarmEvent> close(String reason, Instant now) {
        if (isOver()) {
            return List.of();
        }
        List<String> joined = members.entrySet().stream()
                .filter(member -> member.getValue() == MemberStatus.JOINED).map(Map.Entry::getKey).toList();
        return List.of(new SwarmClosed(id(), caseId(), reason, joined, now));
    }

    private void requireOpen() {
        if (isOver()) {
            throw new CommandRejectedException("The swarm is " + status.name().toLowerCase());
        }
    }

    private void requireMember(String personId, MemberStatus expected, String action) {
        MemberStatus current = members.get(personId);
        if (current != expected) {
            throw new CommandRejectedException(personId + " cannot " + action + ": "
                    + (current == null ? "not invited to this swarm" : "already " + current.name().toLowerCase()));
        }
    }

    private boolean isOver() {
        return status == SwarmStatus.CLOSED || status == SwarmStatus.CANCELLED;
    }

    void apply(SwarmEvent event) {
        switch (event) {
            case SwarmRequested requested -> {
                request = requested;
                ownerId = requested.ownerId();
                skills = requested.skills();
                status = SwarmStatus.REQUESTED;
            }
            case SwarmOwnerChanged changed -> ownerId = changed.ownerId();
            case SwarmMemberInvited invited -> members.put(invited.personId(), MemberStatus.INVITED);
            case SwarmMemberJoined joined -> {
                members.put(joined.personId(), MemberStatus.JOINED);
                everJoined.add(joined.personId());
                status = SwarmStatus.ACTIVE;
            }
            case SwarmMemberDeclined declined -> members.put(declined.personId(), MemberStatus.DECLINED);
            case SwarmMemberLeft left -> members.put(left.personId(), MemberStatus.LEFT);
            case SwarmMemberRemoved removed -> members.put(removed.personId(), MemberStatus.REMOVED);
            case SwarmMemberExpired expired -> members.put(expired.personId(), MemberStatus.EXPIRED);
            case SwarmStaffingStalled stalled -> {
                // Shown on the swarm; nothing the swarm decides on.
            }
            // The feed is a projection; the swarm counts posts to credit their authors, and knows their ids,
            // so that an answer is one of them.
            case SwarmPostAdded posted -> {
                posts.merge(posted.authorId(), 1, Integer::sum);
                postIds.add(posted.postId());
            }
            case SwarmAnswerMarked marked -> answer = marked.postId();
            case SwarmAnswerUnmarked unmarked -> answer = null;
            case SwarmMemberAdded added -> {
                members.put(added.personId(), MemberStatus.JOINED);
                everJoined.add(added.personId());
                status = SwarmStatus.ACTIVE;
            }
            case SwarmMemberCredited credit -> credited.add(credit.personId());
            case SwarmExpertsRequested more -> {
                // The expert finder's to act on; the swarm records who asked.
            }
            case SwarmSkillsChanged changed -> skills = changed.skills();
            case SwarmClosed closed -> status = SwarmStatus.CLOSED;
            case SwarmCancelled cancelled -> status = SwarmStatus.CANCELLED;
            // Requests to case-service: what comes of them arrives as case events.
            case SwarmCustomerUpdateRequested asked -> {
            }
            case SwarmResolutionRequested asked -> {
            }
        }
        version++;
    }

    public UUID id() {
        return request.swarmId();
    }

    public UUID caseId() {
        return request.caseId();
    }

    public String ownerId() {
        return ownerId;
    }

    public SwarmStatus status() {
        return status;
    }

    public Map<String, MemberStatus> members() {
        return Map.copyOf(members);
    }

    /** The case's priority when the swarm was asked for; null when unknown. */
    public String priority() {
        return request.priority();
    }

    public boolean isOpen() {
        return !isOver();
    }

    public long version() {
        return version;
    }
}
