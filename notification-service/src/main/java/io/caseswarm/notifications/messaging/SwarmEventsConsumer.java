package io.caseswarm.notifications.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.notifications.domain.Notice;
import io.caseswarm.notifications.domain.NotificationEvent.TriggeredBy;
import io.caseswarm.notifications.projection.Contact;
import io.caseswarm.notifications.projection.SwarmInfo;
import io.caseswarm.notifications.projection.SwarmInfoProjector;
import io.caseswarm.notifications.projection.SwarmInfoProjector.SwarmRequested;
import io.caseswarm.notifications.service.LeadBacklogDigest;
import io.caseswarm.notifications.service.Notifier;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps what each swarm is about and where it stands ({@link SwarmInfoProjector}), so that invitations and
 * the leads' backlog digest can say it; tells the leads of an urgent swarm's pod at once (the swarm request
 * names them as swarm-service knew them when it was made) and plans the backlog digest of a backlog swarm's
 * leads; tells a swarm's owner who joined (low-urgency news: their digest, if they have one); and tells
 * people mentioned in a feed.
 */
@ApplicationScoped
public class SwarmEventsConsumer {

    private final EventInbox inbox;
    private final Notifier notifier;
    private final SwarmInfoProjector swarms;
    private final LeadBacklogDigest backlogDigest;

    SwarmEventsConsumer(EventInbox inbox, Notifier notifier, SwarmInfoProjector swarms,
            LeadBacklogDigest backlogDigest) {
        this.inbox = inbox;
        this.notifier = notifier;
        this.swarms = swarms;
        this.backlogDigest = backlogDigest;
    }

    @Incoming("swarm-events")
    @Blocking
    public void onSwarmEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            SwarmInfo swarm = swarms.apply(event);
            TriggeredBy trigger = new TriggeredBy(event.id(), event.type());
            switch (event.type()) {
                case "swarm-requested" -> requested(event.dataAs(SwarmRequested.class), swarm, trigger);
                case "swarm-member-joined" -> tellOwner(event.dataAs(MemberJoined.class), trigger);
                case "swarm-post-added" -> {
                    PostAdded post = event.dataAs(PostAdded.class);
                    if (post.mentions() != null && !post.mentions().isEmpty()) {
                        notifier.sendToPeople(post.mentions(), new Notice.SwarmMention(
                                swarm == null ? "a case" : swarm.caseNumber, post.swarmId(), post.authorId(),
                                post.text()), trigger);
                    }
                }
                default -> {
                    // The projection kept what the rest says; nobody is told.
                }
            }
        });
    }

    /** The leads of an urgent swarm hear at once; those of a backlog swarm in their next backlog digest. */
    private void requested(SwarmRequested requested, SwarmInfo swarm, TriggeredBy trigger) {
        if ("urgent".equals(requested.type()) && requested.podLeadIds() != null) {
            notifier.sendToPeople(requested.podLeadIds(), new Notice.UrgentSwarm(requested.caseNumber(),
                    requested.swarmId(), requested.podId(), requested.question(), requested.skills()), trigger);
        }
        if (swarm.isBacklog()) {
            backlogDigest.planFor(List.of(swarm.leadIds));
        }
    }

    /** Nobody to tell when the swarm was asked for before its owner was kept, or the owner joined themselves. */
    private void tellOwner(MemberJoined joined, TriggeredBy trigger) {
        SwarmInfo swarm = SwarmInfo.findById(joined.swarmId());
        if (swarm == null || swarm.ownerId == null || swarm.ownerId.equals(joined.personId())) {
            return;
        }
        Contact member = Contact.findById(Contact.person(joined.personId()));
        String name = member != null && member.name != null ? member.name : joined.personId();
        notifier.sendToPeople(List.of(swarm.ownerId), new Notice.SwarmMemberJoined(
                swarm.caseNumber == null ? "a case" : swarm.caseNumber, joined.swarmId(), name), trigger);
    }

    record MemberJoined(UUID swarmId, String personId) {
    }

    /** {@code mentions}: null on posts from before swarm-service recorded them. */
    record PostAdded(UUID swarmId, String authorId, String text, List<String> mentions) {
    }
}
