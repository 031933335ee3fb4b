package io.caseswarm.experts.rest;

import java.time.Instant;
import java.util.List;

import io.caseswarm.experts.projection.PodView;

public record PodResponse(String id, String name, List<String> products, List<String> skills, List<String> members,
        List<String> leads, String slackChannel, Instant updatedAt) {

    static PodResponse of(PodView pod) {
        return new PodResponse(pod.podId, pod.name, pod.products, pod.skills, pod.members, pod.leads,
                pod.slackChannel, pod.updatedAt);
    }
}
