package io.caseswarm.notifications.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.notifications.config.NotificationsConfig;
import io.caseswarm.notifications.domain.Notice;
import io.caseswarm.notifications.domain.Notice.BacklogDigest.BacklogSwarm;
import io.caseswarm.notifications.domain.NotificationEvent.TriggeredBy;
import io.caseswarm.notifications.preference.DeliveryTiming;
import io.caseswarm.notifications.preference.Preference;
import io.caseswarm.notifications.projection.Contact;
import io.caseswarm.notifications.projection.SwarmInfo;
import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.deadline.Deadline;
import io.caseswarm.platform.deadline.DeadlineHandler;
import io.caseswarm.platform.deadline.Deadlines;

/**
 * Each lead's daily digest of the open backlog swarms they lead: at their own digest time if they set one,
 * else at {@code caseswarm.notifications.backlog-digest.at}, in their zone. One deadline per lead and day (the
 * key is the day, in their zone): a backlog swarm asked for plans the lead's next one, and each digest plans
 * the following day's while the lead still has open backlog swarms. The digest's notification id is derived
 * from the lead and the day, so a deadline fired twice (or a day planned twice) sends one digest.
 */
@ApplicationScoped
public class LeadBacklogDigest implements DeadlineHandler {

    public static final String KIND = "backlog-digest";
    /** What the delivery log names as the trigger of a digest: a time, not an event. */
    static final String TRIGGER_TYPE = "backlog-digest-due";

    private final Notifier notifier;
    private final Deadlines deadlines;
    private final NotificationsConfig config;
    private final PlatformClock clock;

    LeadBacklogDigest(Notifier notifier, Deadlines deadlines, NotificationsConfig config, PlatformClock clock) {
        this.notifier = notifier;
        this.deadlines = deadlines;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Makes sure each lead has their next digest planned; planning what is planned changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planFor(List<String> leadIds) {
        Instant now = clock.now();
        for (String leadId : new LinkedHashSet<>(leadIds)) {
            ZoneId zone = zoneOf(leadId);
            Instant due = DeliveryTiming.next(digestTimeOf(leadId), zone, now);
            deadlines.schedule(KIND, leadId, due.atZone(zone).toLocalDate().toString(), due, null);
        }
    }

    @Override
    @Transactional
    public void fire(Deadline deadline) {
        String leadId = deadline.aggregateId();
        List<SwarmInfo> open = SwarmInfo.openBacklogLedBy(leadId);
        if (open.isEmpty()) {
            // Nothing to tell, and nothing to plan: the next backlog swarm they lead plans their digest again.
            return;
        }
        LocalDate day = LocalDate.parse(deadline.key());
        Notice digest = new Notice.BacklogDigest(day, zoneOf(leadId), clock.now(),
                open.stream().map(LeadBacklogDigest::asListed).toList());
        notifier.sendToPeople(List.of(leadId), digest, new TriggeredBy(triggerId(leadId, day), TRIGGER_TYPE));
        planFor(List.of(leadId));
    }

    /** The same for every firing of one lead's digest of one day: the notifier sends it once. */
    static UUID triggerId(String leadId, LocalDate day) {
        return UUID.nameUUIDFromBytes((KIND + "|" + leadId + "|" + day).getBytes(StandardCharsets.UTF_8));
    }

    private LocalTime digestTimeOf(String leadId) {
        LocalTime own = Preference.of(leadId).digestAt;
        return own != null ? own : config.backlogDigest().at();
    }

    private static ZoneId zoneOf(String leadId) {
        Contact contact = Contact.findById(Contact.person(leadId));
        return DeliveryTiming.zoneOf(Preference.of(leadId), contact == null ? null : contact.timeZone);
    }

    private static BacklogSwarm asListed(SwarmInfo swarm) {
        return new BacklogSwarm(swarm.caseNumber == null ? "a case" : swarm.caseNumber, swarm.swarmId, swarm.question,
                swarm.requestedAt, namesOf(swarm.membersWhoAre(SwarmInfo.JOINED)),
                namesOf(swarm.membersWhoAre(SwarmInfo.INVITED)), namesOf(swarm.membersWhoAre(SwarmInfo.DECLINED)),
                swarm.unstaffed, swarm.lastActivityAt);
    }

    /** As the directory names them, else by their id. */
    private static List<String> namesOf(List<String> personIds) {
        return personIds.stream().map(personId -> Contact.findById(Contact.person(personId)) instanceof Contact contact
                && contact.name != null ? contact.name : personId).toList();
    }
}
