package io.caseswarm.platform.actionlink;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The secret one service signs action links with and another verifies them with. Optional here because
 * most services have no use for it; a service that makes or honours links gives it a {@code %dev.} and
 * {@code %test.} value, so that {@link io.caseswarm.platform.config.RequiredSettings} demands it in
 * production.
 */
@ConfigMapping(prefix = "caseswarm.action-links")
public interface ActionLinksConfig {

    /** At least {@value ActionLinkSigner#MIN_SECRET_LENGTH} characters; the same in every service that uses it. */
    Optional<String> secret();

    /** How long a link works after it was made. */
    @WithDefault("PT72H")
    Duration validFor();
}
