package io.caseswarm.notifications.config;

import io.smallrye.config.ConfigMapping;

/** Where the actions in notifications point. */
@ConfigMapping(prefix = "caseswarm.links")
public interface LinksConfig {

    /** Base URL of swarm-service, as the recipients can reach it. */
    String swarmServiceUrl();
}
