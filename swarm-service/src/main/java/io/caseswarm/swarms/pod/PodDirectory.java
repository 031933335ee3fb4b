package io.caseswarm.swarms.pod;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps the pods in step with the expert finder's pod-defined events, in the inbox's transaction. */
@ApplicationScoped
public class PodDirectory {

    /** The pod as it is now: each pod-defined carries its whole definition. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void defined(PodDefined defined) {
        if (defined.podId() == null || defined.name() == null || defined.products() == null
                || defined.members() == null || defined.leads() == null || defined.definedAt() == null) {
            throw new IllegalArgumentException("A pod-defined without its whole definition: " + defined);
        }
        Pod pod = Pod.<Pod>findByIdOptional(defined.podId()).orElseGet(() -> {
            Pod created = new Pod();
            created.podId = defined.podId();
            return created;
        });
        pod.name = defined.name();
        pod.products = defined.products();
        pod.members = defined.members();
        pod.leads = defined.leads();
        pod.slackChannel = defined.slackChannel();
        pod.updatedAt = defined.definedAt();
        pod.persist();
    }

    /** What swarm-service reads of pod-defined; unknown fields are ignored. */
    public record PodDefined(String podId, String name, List<String> products, List<String> members,
            List<String> leads, String slackChannel, Instant definedAt) {
    }
}
