package io.caseswarm.notifications.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.notifications.domain.Notice;
import io.caseswarm.notifications.domain.NotificationEvent.TriggeredBy;
import io.caseswarm.notifications.projection.SwarmInfo;
import io.caseswarm.notifications.service.Notifier;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Remembers what each swarm is about, so that invitations can say it, and tells people mentioned in a feed. */
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
                info.persist();
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

    record SwarmRequested(UUID swarmId, UUID caseId, String caseNumber, String question) {
    }

    /** {@code mentions}: null on posts from before swarm-service recorded them. */
    record PostAdded(UUID swarmId, String authorId, String text, List<String> mentions) {
    }
}
