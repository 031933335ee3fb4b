package io.caseswarm.notifications.config;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who is told about what beyond the people an event names. */
@ConfigMapping(prefix = "caseswarm.notifications")
public interface NotificationsConfig {

    /**
     * The leads told, with the swarm's owner, when a swarm cannot be staffed: person ids, reached like any
     * person (their contact from the directory, on the channel they prefer). Configuration until pods
     * name each team's lead; none by default.
     */
    Optional<List<String>> leads();

    /**
     * Where people's browsers reach swarm-service (its public base URL, without a trailing slash): the
     * invitation mail's join and decline links point there. Required in production.
     */
    Optional<String> swarmServiceUrl();

    BacklogDigest backlogDigest();

    /** The leads' daily digest of the open backlog swarms they lead. */
    interface BacklogDigest {

        /**
         * When it goes out, local time in each lead's zone ({@code HH:mm}), for a lead who set no digest time
         * of their own. A value that is no time of day stops the service from starting.
         */
        @WithDefault("09:00")
        LocalTime at();
    }
}
