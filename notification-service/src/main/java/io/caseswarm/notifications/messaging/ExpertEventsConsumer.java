package io.caseswarm.notifications.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.notifications.config.NotificationsConfig;
import io.caseswarm.notifications.domain.Notice;
import io.caseswarm.notifications.domain.NotificationEvent.TriggeredBy;
import io.caseswarm.notifications.domain.Urgency;
import io.caseswarm.notifications.projection.Contact;
import io.caseswarm.notifications.projection.SwarmInfo;
import io.caseswarm.notifications.service.Notifier;
import io.caseswarm.platform.actionlink.ActionLinks;
import io.caseswarm.platform.actionlink.ActionLinksConfig;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Learns people's contact points from the directory, tells invited experts about their swarm, and tells a
 * swarm's owner and the leads when nobody is left to invite.
 */
@ApplicationScoped
public class ExpertEventsConsumer {

    /** The actions swarm-service honours from a link, on the swarm the link names (its ActionLinkCommands). */
    private static final String JOIN = "join";
    private static final String DECLINE = "decline";

    private final EventInbox inbox;
    private final Notifier notifier;
    private final NotificationsConfig config;
    private final ActionLinks links;
    private final ActionLinksConfig linksConfig;

    ExpertEventsConsumer(EventInbox inbox, Notifier notifier, NotificationsConfig config, ActionLinks links,
            ActionLinksConfig linksConfig) {
        this.inbox = inbox;
        this.notifier = notifier;
        this.config = config;
        this.links = links;
        this.linksConfig = linksConfig;
    }

    /** A signed one-time link for the invited person to {@code action} their invitation from the mail. */
    private String actionLink(ExpertInvited invited, String action) {
        String base = config.swarmServiceUrl().orElseThrow(() -> new IllegalStateException(
                "caseswarm.notifications.swarm-service-url is not set: invitation mails cannot link to swarm-service"));
        return base.replaceAll("/+$", "") + "/actions/"
                + links.issue(invited.personId(), action, invited.swarmId().toString());
    }

    @Incoming("expert-events")
    @Blocking
    public void onExpertEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            switch (event.type()) {
                case "expert-registered", "expert-updated" -> {
                    Person person = event.dataAs(Person.class);
                    Contact.learnPerson(person.personId(), person.name(), person.email(), person.slackUserId(),
                            person.timeZone(), event.time());
                }
                case "expert-invited" -> {
                    ExpertInvited invited = event.dataAs(ExpertInvited.class);
                    String contactId = Contact.person(invited.personId());
                    Contact.learn(contactId, invited.name(), invited.email(), event.time());
                    // The invitation names its case; older events without it fall back on the swarm request.
                    SwarmInfo swarm = SwarmInfo.findById(invited.swarmId());
                    String caseNumber = invited.caseNumber() != null ? invited.caseNumber()
                            : swarm == null ? "a case" : swarm.caseNumber;
                    String question = invited.question() != null ? invited.question()
                            : swarm == null ? null : swarm.question;
                    notifier.send(Contact.findById(contactId), new Notice.SwarmInvitation(invited.name(),
                            caseNumber, question, invited.swarmId(), invited.personId(),
                            actionLink(invited, JOIN), actionLink(invited, DECLINE), linksConfig.validFor(),
                            invitationUrgency(swarm)),
                            new TriggeredBy(event.id(), event.type()));
                }
                case "swarm-unstaffed" -> {
                    SwarmUnstaffed unstaffed = event.dataAs(SwarmUnstaffed.class);
                    SwarmInfo swarm = SwarmInfo.findById(unstaffed.swarmId());
                    String caseNumber = unstaffed.caseNumber() != null ? unstaffed.caseNumber()
                            : swarm == null ? "a case" : swarm.caseNumber;
                    List<String> told = new ArrayList<>(List.of(unstaffed.ownerId()));
                    told.addAll(config.leads().orElse(List.of()));
                    notifier.sendToPeople(told, new Notice.SwarmUnstaffed(caseNumber, unstaffed.swarmId(),
                            unstaffed.skills(), unstaffed.openPlaces(), swarm != null && swarm.isBacklog()),
                            new TriggeredBy(event.id(), event.type()));
                }
                default -> {
                    // Other expert events (an invitation that lapsed) carry nothing to tell anyone.
                }
            }
        });
    }

    /**
     * An urgent swarm's invitation cannot wait for the morning; a backlog swarm's waits for the digest of
     * whoever has one. A swarm not kept yet (its request still on its way) is taken for a standard one.
     */
    private static Urgency invitationUrgency(SwarmInfo swarm) {
        if (swarm == null) {
            return Urgency.NORMAL;
        }
        if (swarm.isBacklog()) {
            return Urgency.LOW;
        }
        return swarm.isUrgent() ? Urgency.URGENT : Urgency.NORMAL;
    }

    /** {@code slackUserId} and {@code timeZone} are optional (absent on older events). */
    record Person(String personId, String name, String email, String slackUserId, String timeZone) {
    }

    record SwarmUnstaffed(UUID swarmId, String caseNumber, String ownerId, List<String> skills, int openPlaces) {
    }

    record ExpertInvited(UUID swarmId, String personId, String name, String email, String caseNumber,
            String question) {
    }
}
