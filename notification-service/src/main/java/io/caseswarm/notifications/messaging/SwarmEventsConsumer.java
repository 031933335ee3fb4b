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
import io.caseswarm.notifications.service.Notifier;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Remembers what each swarm is about, so that invitations can say it; tells the leads of an urgent swarm's
 * pod at once (the swarm request names them as swarm-service knew them when it was made); tells a swarm's
 * owner who joined (low-urgency news: their digest, if they have one); and tells people mentioned in a feed.
 */
@ApplicationScoped
public class SwarmEventsConsumer {

    private final EventInbox inbox;
    private final Notifier notifier;

    SwarmEventsConsumer(EventInbox inbox, Notifier notifier) {
        this.inbox = inbox;
        this.notifier = notifier;
    }

    @Incoming("swarm-events")
    @Blocking
    public void onSwarmEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            if ("swarm-requested".equals(event.type())) {
                SwarmRequested requested = event.dataAs(SwarmRequested.class);
                SwarmInfo info = new SwarmInfo();
                info.swarmId = requested.swarmId();
                info.caseId = requested.caseId();
                info.caseNumber = requested.caseNumber();
                info.question = requested.question();
                info.priority = requested.priority();
                info.ownerId = requested.ownerId();
                info.persist();
                if ("urgent".equals(requested.type()) && requested.podLeadIds() != null) {
                    notifier.sendToPeople(requested.podLeadIds(), new Notice.UrgentSwarm(requested.caseNumber(),
                            requested.swarmId(), requested.podId(), requested.question(), requested.skills()),
                            new TriggeredBy(event.id(), event.type()));
                }
            } else if ("swarm-owner-changed".equals(event.type())) {
                OwnerChanged changed = event.dataAs(OwnerChanged.class);
                if (SwarmInfo.findById(changed.swarmId()) instanceof SwarmInfo info) {
                    info.ownerId = changed.ownerId();
                }
            } else if ("swarm-member-joined".equals(event.type())) {
                tellOwner(event.dataAs(MemberJoined.class), new TriggeredBy(event.id(), event.type()));
            } else if ("swarm-post-added".equals(event.type())) {
                PostAdded post = event.dataAs(PostAdded.class);
                if (post.mentions() != null && !post.mentions().isEmpty()) {
                    SwarmInfo swarm = SwarmInfo.findById(post.swarmId());
                    notifier.sendToPeople(post.mentions(), new Notice.SwarmMention(
                            swarm == null ? "a case" : swarm.caseNumber, post.swarmId(), post.authorId(), post.text()),
                            new TriggeredBy(event.id(), event.type()));
                }
            }
        });
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

    /**
     * {@code type}, {@code podId} and {@code podLeadIds} are null on older requests (and the latter two without
     * a pod); {@code priority} and {@code ownerId} are null on older events.
     */
    record SwarmRequested(UUID swarmId, UUID caseId, String caseNumber, String question, List<String> skills,
            String type, String podId, List<String> podLeadIds, String priority, String ownerId) {
    }

    record OwnerChanged(UUID swarmId, String ownerId) {
    }

    record MemberJoined(UUID swarmId, String personId) {
    }

    /** {@code mentions}: null on posts from before swarm-service recorded them. */
    record PostAdded(UUID swarmId, String authorId, String text, List<String> mentions) {
    }
}
