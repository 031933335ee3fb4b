package io.caseswarm.swarms.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a swarm's feed may stay quiet before its bot reminds it, and how often it does. */
@ConfigMapping(prefix = "caseswarm.swarms")
public interface SwarmsConfig {

    /** A swarm with no post for this long gets a reminder; every post starts the wait again. */
    @WithDefault("PT4H")
    Duration reminderAfter();

    /** Reminders in a row to a swarm nobody posts in; after these the bot falls silent until somebody posts. */
    @WithDefault("3")
    int reminders();
}
