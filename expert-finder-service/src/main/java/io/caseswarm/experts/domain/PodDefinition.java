package io.caseswarm.experts.domain;

import java.util.List;

/**
 * What a pod is: a team for some products or areas. {@code products} route swarms on cases of those
 * products to it; {@code members} are whom the expert finder prefers for its swarms; {@code leads} see and
 * steer its swarms. {@code slackChannel} is a Slack channel id ({@code C0123ABCD}) or null.
 */
public record PodDefinition(String name, List<String> products, List<String> skills, List<String> members,
        List<String> leads, String slackChannel) {

    public PodDefinition {
        products = List.copyOf(products);
        skills = List.copyOf(skills);
        members = List.copyOf(members);
        leads = List.copyOf(leads);
    }

    /** The same pod with other members: the one change a pod's lead may make. */
    public PodDefinition withMembers(List<String> newMembers) {
        return new PodDefinition(name, products, skills, newMembers, leads, slackChannel);
    }
}
