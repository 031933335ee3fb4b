package io.caseswarm.swarms.slack;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

/**
 * Tells the person who asked from Slack why case-service did not write to the customer or resolve the case
 * ({@code case-swarm-action-refused}): a message only they see, in the thread of the swarm's message. The
 * refusal itself stays in the case's history whether or not Slack can be told.
 */
@ApplicationScoped
public class SlackCaseActionRefusals {

    private static final Logger LOG = Logger.getLogger(SlackCaseActionRefusals.class);

    private final SlackApp slack;
    private final SlackUsers users;

    SlackCaseActionRefusals(SlackApp slack, SlackUsers users) {
        this.slack = slack;
        this.users = users;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(UUID swarmId, String caseNumber, String personId, String action, String reason) {
        if (!slack.enabled()) {
            return;
        }
        Optional<SlackPersonLink> link = SlackPersonLink.ofPerson(personId);
        SlackSwarmMessage message = SlackSwarmMessage.findById(swarmId);
        if (link.isEmpty() || message == null) {
            LOG.infof("Case-service refused %s's %s on swarm %s (%s); they have no Slack user or the swarm no"
                    + " message to tell them in", personId, action, swarmId, reason);
            return;
        }
        String what = "resolve".equals(action) ? "resolve " + caseNumber : "write to the customer of " + caseNumber;
        users.tell(message.channel, link.get().slackUserId, message.ts, "Caseswarm did not " + what + ": "
                + SwarmMessageBlocks.escape(SwarmMessageBlocks.truncate(reason, 2_000)));
    }
}
