package io.caseswarm.swarms.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.platform.inbox.EventInbox;
import io.caseswarm.swarms.pod.PodDirectory;
import io.caseswarm.swarms.service.SwarmCommands;
import io.caseswarm.swarms.slack.SlackPersonLink;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Adds the experts the expert finder invites to their swarm, records the invitations it let lapse, and
 * when it ran out of people to ask; learns the pods it defines, to route swarms and know their leads; and
 * keeps the directory's links of Slack users to people.
 */
@ApplicationScoped
public class ExpertEventsConsumer {

    private final EventInbox inbox;
    private final SwarmCommands swarms;
    private final PodDirectory pods;

    ExpertEventsConsumer(EventInbox inbox, SwarmCommands swarms, PodDirectory pods) {
        this.inbox = inbox;
        this.swarms = swarms;
        this.pods = pods;
    }

    @Incoming("expert-events")
    @Blocking
    public void onExpertEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            switch (event.type()) {
                case "expert-invited" -> {
                    ExpertInvited invited = event.dataAs(ExpertInvited.class);
                    swarms.recordInvitation(invited.swarmId(), invited.personId());
                }
                case "expert-invitation-expired" -> {
                    InvitationExpired expired = event.dataAs(InvitationExpired.class);
                    swarms.recordExpiry(expired.swarmId(), expired.personId(), expired.expiredAt());
                }
                case "swarm-unstaffed" -> {
                    SwarmUnstaffed unstaffed = event.dataAs(SwarmUnstaffed.class);
                    swarms.recordStaffingStalled(unstaffed.swarmId(), unstaffed.skills(), unstaffed.openPlaces(),
                            unstaffed.unstaffedAt());
                }
                case "pod-defined" -> pods.defined(event.dataAs(PodDirectory.PodDefined.class));
                // The directory says which Slack user acts as whom, and with which roles.
                case "expert-registered", "expert-updated" -> {
                    PersonProfile person = event.dataAs(PersonProfile.class);
                    SlackPersonLink.record(person.personId(), person.slackUserId(), person.roles(), event.time());
                }
                default -> {
                    // Nothing else the directory announces concerns swarms.
                }
            }
        });
    }

    record ExpertInvited(UUID swarmId, String personId) {
    }

    record InvitationExpired(UUID swarmId, String personId, Instant expiredAt) {
    }

    /** Older events carry neither a Slack user nor roles: no link. */
    record PersonProfile(String personId, String slackUserId, List<String> roles) {
    }

    record SwarmUnstaffed(UUID swarmId, List<String> skills, int openPlaces, Instant unstaffedAt) {
    }
}
