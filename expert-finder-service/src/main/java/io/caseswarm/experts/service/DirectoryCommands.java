package io.caseswarm.experts.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import io.caseswarm.experts.projection.ProfileTable;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.retry.RetryOnConflict;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;

/** Registers people and changes their profiles; each change is published with the whole new profile. */
@ApplicationScoped
@RetryOnConflict
public class DirectoryCommands {

    private final EventStore store;
    private final ExpertProjector projector;
    private final Clock clock;
    private final ProfileTable profiles;

    DirectoryCommands(EventStore store, ExpertProjector projector, Clock clock, ProfileTable profiles) {
        this.profiles = profiles;
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
     * Registers or changes each person of an import batch, in one transaction, as {@link #register} or
     * {@link #update} would, in a fixed number of round trips whatever the batch's size: the profiles, pods,
     * Slack links and streams are read in one query each, and the events appended at once. A person whose Slack
     * user is linked to someone else (or to someone earlier in the batch) is left out (the rest go in); the ids
     * left out are returned with why.
     */
    @Transactional
    public Map<String, String> upsertAll(Map<String, Profile> people) {
        Map<String, String> refused = new LinkedHashMap<>();
        // A person without a profile row has no stream (the row is written with the first event), unless the id
        // is a pod's: only the known people's streams are read.
        ProfileTable.Holders holders = profiles.holders(people.keySet());
        Set<String> known = holders.people();
        Set<String> pods = holders.pods();
        Map<String, String> slackLinks = ExpertProfile.linkedPeopleOf(people.values().stream()
                .map(Profile::slackUserId).filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, List<StoredEvent>> streams = store.loadAll(known);
        List<EventStore.Append> appends = new ArrayList<>();
        people.forEach((personId, profile) -> {
            String linked = profile.slackUserId() == null ? null
                    : slackLinks.putIfAbsent(profile.slackUserId(), personId);
            if (pods.contains(personId)) {
                refused.put(personId, personId + " is a pod's id, not a person's");
            } else if (linked != null && !linked.equals(personId)) {
                refused.put(personId, "Slack user " + profile.slackUserId() + " is linked to another person");
            } else {
                Expert expert = known.contains(personId) ? replay(streams.get(personId)) : Expert.replay(List.of());
                List<ExpertEvent> events = known.contains(personId) ? expert.update(profile, clock.instant())
                        : expert.register(personId, profile, clock.instant());
                appends.add(new EventStore.Append(ExpertProjector.STREAM_TYPE, personId, expert.version(), events));
            }
        });
        projector.appendAll(appends);
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
        return replay(store.load(personId));
    }

    private Expert replay(List<StoredEvent> stream) {
        if (PodCommands.isPod(stream)) {
            throw new CommandRejectedException(stream.getFirst().streamId() + " is a pod's id, not a person's");
        }
        return Expert.replay(stream.stream().map(event -> store.decode(event, ExpertProjector.DIRECTORY)).toList());
    }

    private void append(String personId, Expert expert, List<ExpertEvent> events) {
        projector.append(personId, expert.version(), events);
    }
}
