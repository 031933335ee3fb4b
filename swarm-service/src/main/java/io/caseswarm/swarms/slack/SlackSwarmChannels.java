package io.caseswarm.swarms.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.caseswarm.platform.slack.SlackApiException;
import io.caseswarm.swarms.domain.MemberStatus;
import io.caseswarm.swarms.projection.KnownCase;
import io.caseswarm.swarms.projection.SwarmView;

/**
 * A channel per swarm (caseswarm.slack.channel-per-swarm): made when the swarm is asked for, named after its
 * case ({@code swarm-cs-001234-1a2b3c}), with the owner and the members who joined brought in, archived when
 * the swarm ends. Bringing someone in twice and archiving twice are fine, so redelivered events do no harm.
 */
@ApplicationScoped
public class SlackSwarmChannels {

    /** A name Slack had taken already (a channel made by a try whose transaction did not commit) gets a suffix. */
    private static final int NAME_TRIES = 5;

    private final SlackApp slack;

    SlackSwarmChannels(SlackApp slack) {
        this.slack = slack;
    }

    /** Makes the swarm's channel; returns its id. */
    public String open(SwarmView swarm, KnownCase knownCase) {
        String name = nameFor(swarm, knownCase);
        for (int attempt = 1;; attempt++) {
            try {
                return slack.api().createChannel(attempt == 1 ? name : name + "-" + attempt);
            } catch (SlackApiException e) {
                if (!e.error().equals("name_taken") || attempt == NAME_TRIES) {
                    throw e;
                }
            }
        }
    }

    /** Brings the owner and everyone who joined, as far as they are linked to Slack users, into the channel. */
    public void bringIn(String channel, SwarmView swarm) {
        for (String personId : peopleOf(swarm)) {
            SlackPersonLink.ofPerson(personId).ifPresent(link -> slack.api().invite(channel, link.slackUserId));
        }
    }

    public void archive(String channel) {
        slack.api().archive(channel);
    }

    /** As Slack allows: lower case letters, digits and hyphens, at most 80 characters. */
    static String nameFor(SwarmView swarm, KnownCase knownCase) {
        String number = knownCase == null || knownCase.number == null ? "case" : knownCase.number;
        String slug = ("swarm-" + number).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-+$", "");
        return (slug.length() > 60 ? slug.substring(0, 60) : slug) + "-" + swarm.swarmId.toString().substring(0, 6);
    }

    private static List<String> peopleOf(SwarmView swarm) {
        List<String> people = new ArrayList<>();
        people.add(swarm.ownerId);
        if (swarm.members != null) {
            swarm.members.stream().filter(member -> member.status() == MemberStatus.JOINED)
                    .map(SwarmView.Member::personId).forEach(people::add);
        }
        return people;
    }
}
