package io.caseswarm.experts.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.caseswarm.experts.domain.InvitationTimeout;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long invitations wait for an answer, by the priority of the case the swarm is on. */
@ConfigMapping(prefix = "caseswarm.invitations")
public interface InvitationsConfig {

    Timeout timeout();

    /**
     * The priority whose timeout a swarm without one gets (swarms requested before priorities reached the
     * expert finder, or on a case whose priority swarm-service never learnt).
     */
    @WithDefault("normal")
    String unknownPriority();

    /** The priorities whose timeout counts only the invitee's own working hours; the others run on the wall clock. */
    @WithDefault("normal,low")
    Set<String> inWorkingHours();

    interface Timeout {
        @WithDefault("PT15M")
        Duration urgent();

        @WithDefault("PT1H")
        Duration high();

        @WithDefault("PT2H")
        Duration normal();

        @WithDefault("PT8H")
        Duration low();
    }

    /**
     * The timeout of an invitation to a swarm of {@code priority}; null, or a priority this service does
     * not know (a newer case-service's), is timed as {@link #unknownPriority()}.
     */
    default InvitationTimeout timeoutFor(String priority) {
        String known = priority == null ? "" : priority.toLowerCase(Locale.ROOT);
        if (!PRIORITIES.contains(known)) {
            known = unknownPriority();
        }
        Duration timeout = switch (known) {
            case "urgent" -> timeout().urgent();
            case "high" -> timeout().high();
            case "low" -> timeout().low();
            default -> timeout().normal();
        };
        return new InvitationTimeout(timeout, inWorkingHours().contains(known));
    }

    Set<String> PRIORITIES = Set.of("urgent", "high", "normal", "low");

    /**
     * The timeout of an invitation to a swarm of {@code type} on a case of {@code priority}: none for a
     * backlog swarm (it is worked asynchronously: an invitation waits until it is answered), an urgent
     * case's for an urgent swarm whatever its case's priority (one short timeout for all that is urgent), and
     * the priority's for a standard one (and an older swarm without a type).
     */
    default Optional<InvitationTimeout> timeoutFor(String type, String priority) {
        return switch (type == null ? "standard" : type) {
            case "backlog" -> Optional.empty();
            case "urgent" -> Optional.of(timeoutFor("urgent"));
            default -> Optional.of(timeoutFor(priority));
        };
    }
}
