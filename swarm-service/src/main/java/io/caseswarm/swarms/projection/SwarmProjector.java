package io.caseswarm.swarms.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.platform.event.EventTypes;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;
import io.caseswarm.swarms.domain.MemberStatus;
import io.caseswarm.swarms.domain.SwarmEvent;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmAnswerMarked;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmAnswerUnmarked;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmCancelled;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmCustomerUpdateRequested;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmResolutionRequested;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmClosed;
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
import io.caseswarm.swarms.domain.SwarmEvent.SwarmSkillsChanged;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmStaffingStalled;
import io.caseswarm.swarms.domain.SwarmStatus;
import io.caseswarm.swarms.domain.SwarmType;

/** Keeps the swarm view and the feed in step with the swarm events, in the transaction that appends them. */
@ApplicationScoped
public class SwarmProjector {

    public static final EventTypes<SwarmEvent> TYPES = EventTypes.of(SwarmEvent.class);

    private final EventStore store;

    SwarmProjector(EventStore store) {
        this.store = store;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void project(List<StoredEvent> events) {
        for (StoredEvent stored : events) {
            SwarmEvent event = store.decode(stored, TYPES);
            if (event instanceof SwarmRequested requested) {
                created(requested, stored.version());
                continue;
            }
            SwarmView view = SwarmView.findById(event.swarmId());
            view.version = stored.version();
            view.updatedAt = stored.occurredAt();
            switch (event) {
                case SwarmRequested requested -> throw new IllegalStateException("handled above");
                // Somebody invited or joining is staffing going on again.
                case SwarmMemberInvited invited -> {
                    member(view, invited.personId(), MemberStatus.INVITED, invited.invitedAt());
                    view.staffing = SwarmView.ON_TRACK;
                }
                case SwarmMemberJoined joined -> {
                    member(view, joined.personId(), MemberStatus.JOINED, joined.joinedAt());
                    view.status = SwarmStatus.ACTIVE;
                    view.staffing = SwarmView.ON_TRACK;
                }
                case SwarmMemberExpired expired -> member(view, expired.personId(), MemberStatus.EXPIRED,
                        expired.expiredAt());
                case SwarmStaffingStalled stalled -> view.staffing = SwarmView.UNSTAFFED;
                case SwarmMemberDeclined declined -> member(view, declined.personId(), MemberStatus.DECLINED,
                        declined.declinedAt());
                case SwarmMemberLeft left -> member(view, left.personId(), MemberStatus.LEFT, left.leftAt());
                case SwarmMemberRemoved removed -> member(view, removed.personId(), MemberStatus.REMOVED,
                        removed.removedAt());
                case SwarmPostAdded posted -> {
                    SwarmPost post = new SwarmPost();
                    post.postId = posted.postId();
                    post.swarmId = posted.swarmId();
                    post.authorId = posted.authorId();
                    post.text = posted.text();
                    post.postedAt = posted.postedAt();
                    post.via = posted.via();
                    post.mentions = posted.mentions();
                    post.persist();
                }
                case SwarmAnswerMarked marked -> SwarmPost.<SwarmPost>findById(marked.postId()).answer = true;
                case SwarmAnswerUnmarked unmarked -> SwarmPost.<SwarmPost>findById(unmarked.postId()).answer = false;
                case SwarmMemberAdded added -> {
                    member(view, added.personId(), MemberStatus.JOINED, added.addedAt());
                    view.status = SwarmStatus.ACTIVE;
                }
                // The team grows by the places asked for, and the expert finder goes looking again.
                case SwarmExpertsRequested more -> {
                    view.teamSize += more.count();
                    view.staffing = SwarmView.ON_TRACK;
                }
                case SwarmSkillsChanged changed -> view.skills = changed.skills();
                case SwarmMemberCredited credited -> {
                    // For the expert finder; the swarm's history shows it.
                }
                case SwarmClosed closed -> view.status = SwarmStatus.CLOSED;
                case SwarmCancelled cancelled -> view.status = SwarmStatus.CANCELLED;
                case SwarmOwnerChanged changed -> view.ownerId = changed.ownerId();
                case SwarmCustomerUpdateRequested asked -> {
                    // case-service's to carry out; the swarm's history shows it.
                }
                case SwarmResolutionRequested asked -> {
                    // Likewise: the case's resolution closes the swarm when it comes.
                }
            }
        }
    }

    private static void created(SwarmRequested requested, long version) {
        SwarmView view = new SwarmView();
        view.swarmId = requested.swarmId();
        view.caseId = requested.caseId();
        view.caseNumber = requested.caseNumber();
        view.ownerId = requested.ownerId();
        view.requestedBy = requested.requestedBy();
        view.requestedVia = requested.requestedVia();
        view.priority = requested.priority();
        view.podId = requested.podId();
        view.type = requested.type() == null ? SwarmType.STANDARD : requested.type();
        view.staffing = SwarmView.ON_TRACK;
        view.question = requested.question();
        view.stepsTried = requested.stepsTried();
        view.skills = requested.skills();
        view.teamSize = requested.teamSize();
        view.status = SwarmStatus.REQUESTED;
        view.members = List.of();
        view.requestedAt = requested.requestedAt();
        view.updatedAt = requested.requestedAt();
        view.version = version;
        view.persist();
    }

    /** Members keep their place in the list; only their status changes. */
    private static void member(SwarmView view, String personId, MemberStatus status, Instant since) {
        List<SwarmView.Member> members = new ArrayList<>(view.members.stream()
                .filter(member -> !member.personId().equals(personId)).toList());
        int place = indexOf(view.members, personId);
        members.add(place < 0 ? members.size() : place, new SwarmView.Member(personId, status, since));
        view.members = members;
    }

    private static int indexOf(List<SwarmView.Member> members, String personId) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).personId().equals(personId)) {
                return i;
            }
        }
        return -1;
    }
}
