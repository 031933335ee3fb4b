package io.caseswarm.experts.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.caseswarm.experts.domain.ExpertEvent.ExpertInvited;
import io.caseswarm.experts.domain.ExpertEvent.SwarmUnstaffed;

/**
 * Decides whom to invite to a swarm: first the best candidates that bring a skill nobody on the team
 * has yet, then the best of the rest, until the team is full. Never the owner (they asked for help),
 * never anyone invited to this swarm before (whether they declined or not).
 */
public final class Staffing {

    private Staffing() {
    }

    public static List<ExpertInvited> invite(SwarmRequest request, Set<String> invitedBefore, List<Candidate> ranked,
            int howMany, Instant now) {
        List<Candidate> pool = new ArrayList<>(ranked.stream()
                .filter(c -> !c.personId().equals(request.ownerId()) && !invitedBefore.contains(c.personId()))
                .toList());
        Set<String> uncovered = new HashSet<>(request.skills());
        List<ExpertInvited> invitations = new ArrayList<>();
        while (invitations.size() < howMany && !pool.isEmpty()) {
            List<Candidate> bringing = pool.stream()
                    .filter(c -> c.matchedSkills().stream().anyMatch(uncovered::contains))
                    .toList();
            Candidate next = leastAskedOfTheBest(bringing.isEmpty() ? pool : bringing);
            pool.remove(next);
            next.matchedSkills().forEach(uncovered::remove);
            // Helping a swarm of another pod is marked, so that it can be credited to the helper.
            Boolean crossPod = request.podId() == null ? null : !next.inPod();
            invitations.add(new ExpertInvited(request.swarmId(), request.caseId(), next.personId(), next.name(),
                    next.email(), next.chatHandle(), next.matchedSkills(), next.score(), now, request.caseNumber(),
                    request.question(), request.podId(), crossPod, ExpertEvent.ScoreParts.of(next),
                    next.evidence()));
        }
        return invitations;
    }

    /**
     * Of candidates in rank order, the one to ask: among those scoring within {@link #TURN_BAND} of the best, the
     * least tired (fewest recent invitations), then the best ranked. People this close are equally good choices;
     * letting them take turns keeps the same few from being asked for everything.
     */
    static Candidate leastAskedOfTheBest(List<Candidate> ranked) {
        Candidate best = ranked.getFirst();
        Candidate chosen = best;
        for (Candidate candidate : ranked) {
            if (candidate.score() < best.score() - TURN_BAND) {
                break;
            }
            if (candidate.fatigue() < chosen.fatigue()) {
                chosen = candidate;
            }
        }
        return chosen;
    }

    /**
     * How many of the best candidates staffing looks at to ask {@code howMany}: more than the picks need, so that
     * near-equals can take turns and the decision kept shows who came next.
     */
    public static int pool(int howMany) {
        return Math.max(howMany, 20);
    }

    /** How close to the best score a candidate must be to take a turn before them. */
    public static final double TURN_BAND = 0.15;

    /**
     * Whether a round of staffing leaves the swarm unstaffed and says so: it asked for {@code asked} people,
     * found {@code found}, and {@code openPlaces} of the team are held by nobody. Said once each time the
     * swarm runs dry: not again by a round that finds nobody while it is still dry ({@code saidAlready},
     * which an invitation ends).
     */
    public static Optional<SwarmUnstaffed> unstaffed(SwarmRequest request, int asked, int found, int openPlaces,
            boolean saidAlready, Instant now) {
        boolean dry = found < asked && openPlaces > 0;
        if (!dry || saidAlready && found == 0) {
            return Optional.empty();
        }
        return Optional.of(new SwarmUnstaffed(request.swarmId(), request.caseId(), request.caseNumber(),
                request.ownerId(), request.skills(), openPlaces, now));
    }
}
