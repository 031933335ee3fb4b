package io.caseswarm.swarms.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import io.caseswarm.swarms.domain.SwarmType;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long a swarm's feed may stay quiet before its bot reminds it, and how often it does; and the
 * defaults of each swarm type.
 */
@ConfigMapping(prefix = "caseswarm.swarms")
public interface SwarmsConfig {

    /** A swarm with no post for this long gets a reminder; every post starts the wait again. */
    @WithDefault("PT4H")
    Duration reminderAfter();

    /** The wait for swarms on cases of one priority, where it differs from {@link #reminderAfter()}. */
    ByPriority reminderAfterByPriority();

    /** Reminders in a row to a swarm nobody posts in; after these the bot falls silent until somebody posts. */
    @WithDefault("3")
    int reminders();

    /** Each swarm type's defaults: {@code caseswarm.swarms.types.<type>.team-size}. */
    Types types();

    interface Types {
        TypeDefaults standard();

        TypeDefaults urgent();

        TypeDefaults backlog();
    }

    interface TypeDefaults {
        /** The team a swarm of the type gets when its request names no size. */
        OptionalInt teamSize();
    }

    /**
     * The team of a swarm of {@code type} asked for without a size: 3 for standard, 5 for urgent (more
     * people at once), 2 for backlog (no hurry), unless configured otherwise.
     */
    default int teamSize(SwarmType type) {
        return switch (type) {
            case STANDARD -> types().standard().teamSize().orElse(3);
            case URGENT -> types().urgent().teamSize().orElse(5);
            case BACKLOG -> types().backlog().teamSize().orElse(2);
        };
    }

    interface ByPriority {
        Optional<Duration> urgent();

        Optional<Duration> high();

        Optional<Duration> normal();

        Optional<Duration> low();
    }

    /** How long a swarm on a case of {@code priority} (null when unknown) may stay quiet. */
    default Duration reminderAfter(String priority) {
        ByPriority by = reminderAfterByPriority();
        Optional<Duration> specific = switch (priority == null ? "" : priority.toLowerCase(Locale.ROOT)) {
            case "urgent" -> by.urgent();
            case "high" -> by.high();
            case "normal" -> by.normal();
            case "low" -> by.low();
            default -> Optional.empty();
        };
        return specific.orElse(reminderAfter());
    }
}
