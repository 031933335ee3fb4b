package io.caseswarm.experts.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.experts.domain.Pod;
import io.caseswarm.experts.domain.PodDefinition;
import io.caseswarm.experts.projection.ExpertProfile;
import io.caseswarm.experts.projection.ExpertProjector;
import io.caseswarm.experts.projection.PodView;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.retry.RetryOnConflict;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;

/**
 * Defines pods; each change is published with the whole new definition. A pod's stream shares the store,
 * the stream type (which names the topic, expert-events) and the topic's keys with people's, so a pod
 * cannot take a person's id, nor a person a pod's: a stream is a pod's if it holds pod-defined events.
 */
@ApplicationScoped
@RetryOnConflict
public class PodCommands {

    private static final String POD_DEFINED = "pod-defined";

    private final EventStore store;
    private final ExpertProjector projector;
    private final Clock clock;

    PodCommands(EventStore store, ExpertProjector projector, Clock clock) {
        this.store = store;
        this.projector = projector;
        this.clock = clock;
    }

    /** Creates or replaces pod {@code podId}; returns whether it was new. */
    @Transactional
    public boolean define(String podId, PodDefinition definition, Caller caller) {
        List<StoredEvent> stream = store.load(podId);
        if (!stream.isEmpty() && !isPod(stream)) {
            throw new CommandRejectedException(podId + " is a person's id in the directory, not a pod's");
        }
        requireKnown("members", definition.members());
        requireKnown("leads", definition.leads());
        requireProductsFree(podId, definition.products());
        Pod pod = Pod.replay(stream.stream().map(event -> store.decode(event, ExpertProjector.PODS)).toList());
        projector.append(podId, pod.version(),
                pod.define(podId, definition, caller.id(), caller.is(Roles.ADMIN), clock.instant()));
        return stream.isEmpty();
    }

    /** Everyone in a pod is in the directory: a pod's people are invited, told and credited by it. */
    private static void requireKnown(String field, List<String> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        List<String> known = ExpertProfile.<ExpertProfile>list("personId in ?1", personIds).stream()
                .map(profile -> profile.personId).toList();
        List<String> unknown = personIds.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidFieldException(field, "not in the directory (register them first): "
                    + String.join(", ", unknown));
        }
    }

    /** A case's product routes its swarms to one pod: a product another pod covers is refused. */
    private static void requireProductsFree(String podId, List<String> products) {
        for (PodView other : PodView.all()) {
            if (other.podId.equals(podId)) {
                continue;
            }
            List<String> taken = products.stream()
                    .filter(product -> other.products.stream().anyMatch(product::equalsIgnoreCase)).toList();
            if (!taken.isEmpty()) {
                throw new CommandRejectedException("Pod " + other.podId + " covers " + String.join(", ", taken)
                        + " already: a product's swarms go to one pod");
            }
        }
    }

    /** Whether {@code id} names a pod's stream (for the directory, which must not take it for a person). */
    static boolean isPod(List<StoredEvent> stream) {
        return stream.stream().anyMatch(event -> POD_DEFINED.equals(event.type()));
    }
}
