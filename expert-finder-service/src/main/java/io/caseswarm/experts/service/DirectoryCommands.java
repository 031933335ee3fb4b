package io.caseswarm.experts.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.caseswarm.experts.domain.Expert;
import io.caseswarm.experts.domain.ExpertEvent;
import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.domain.Profile;
import io.caseswarm.experts.projection.ExpertProfile;
import io.caseswarm.experts.projection.ExpertProjector;
import io.caseswarm.experts.projection.PodView;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.retry.RetryOnConflict;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;

/** Registers people and changes their profiles; each change is published with the whole new profile. */
@ApplicationScoped
@RetryOnConflict
public class DirectoryCommands {

    public static final String STREAM_TYPE = "expert";

    private final EventStore store;
    private final ExpertProjector projector;
    private final Clock clock;

    DirectoryCommands(EventStore store, ExpertProjector projector, Clock clock) {
        this.store = store;
        this.projector = projector;
        this.clock = clock;
    }

    @Transactional
    public void register(String personId, Profile profile) {
        requireSlackUserFree(personId, profile);
        Expert expert = load(personId);
        append(personId, expert, expert.register(personId, profile, clock.instant()));
    }

    @Transactional
    public void update(String personId, Profile profile) {
        requireSlackUserFree(personId, profile);
        change(personId, expert -> expert.update(profile, clock.instant()));
    }

    /**
     * Registers or changes each person of an import batch, in one transaction: one person after another, as
     * {@link #register} or {@link #update} would. A person whose Slack user is linked to someone else is left
     * out (the rest go in); the ids left out are returned with why.
     */
    @Transactional
    public Map<String, String> upsertAll(Map<String, Profile> people) {
        Map<String, String> refused = new LinkedHashMap<>();
        // Two queries for the whole batch, not a stream read per person: a person without a profile row has no
        // stream (the row is written with the first event), unless the id is a pod's.
        Set<String> known = ExpertProfile.<ExpertProfile>list("personId in ?1", people.keySet()).stream()
                .map(profile -> profile.personId).collect(Collectors.toSet());
        Set<String> pods = PodView.<PodView>list("podId in ?1", people.keySet()).stream()
                .map(pod -> pod.podId).collect(Collectors.toSet());
        people.forEach((personId, profile) -> {
            if (pods.contains(personId)) {
                refused.put(personId, personId + " is a pod's id, not a person's");
            } else if (ExpertProfile.slackUserLinkedToOtherThan(profile.slackUserId(), personId)) {
                refused.put(personId, "Slack user " + profile.slackUserId() + " is linked to another person");
            } else if (known.contains(personId)) {
                Expert expert = load(personId);
                append(personId, expert, expert.update(profile, clock.instant()));
            } else {
                Expert expert = Expert.replay(List.of());
                append(personId, expert, expert.register(personId, profile, clock.instant()));
            }
        });
        return refused;
    }

    /** A Slack user acts as one person; linking it to a second would let it act as either. */
    private static void requireSlackUserFree(String personId, Profile profile) {
        if (ExpertProfile.slackUserLinkedToOtherThan(profile.slackUserId(), personId)) {
            throw new CommandRejectedException("Slack user " + profile.slackUserId() + " is linked to another person");
        }
    }

    @Transactional
    public void changePresence(String personId, Presence presence) {
        change(personId, expert -> expert.changePresence(presence, clock.instant()));
    }

    private void change(String personId, Function<Expert, List<ExpertEvent>> decision) {
        Expert expert = load(personId);
        if (!expert.exists()) {
            throw new NotFoundException("No person " + personId);
        }
        append(personId, expert, decision.apply(expert));
    }

    private Expert load(String personId) {
        List<StoredEvent> stream = store.load(personId);
        if (PodCommands.isPod(stream)) {
            throw new CommandRejectedException(personId + " is a pod's id, not a person's");
        }
        return Expert.replay(stream.stream().map(event -> store.decode(event, ExpertProjector.DIRECTORY)).toList());
    }

    private void append(String personId, Expert expert, List<ExpertEvent> events) {
        projector.project(store.append(STREAM_TYPE, personId, expert.version(), events));
    }
}
