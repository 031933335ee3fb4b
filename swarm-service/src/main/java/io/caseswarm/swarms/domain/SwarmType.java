package io.caseswarm.swarms.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a swarm is worked, each with its own defaults: {@code standard}; {@code urgent} (a bigger team, a
 * short invitation timeout, the pod's leads told at once); {@code backlog} (asynchronous: its invitations
 * wait until answered).
 */
public enum SwarmType {
    @JsonProperty("standard") STANDARD,
    @JsonProperty("urgent") URGENT,
    @JsonProperty("backlog") BACKLOG;

    /**
     * The type of a swarm asked for without one: urgent on an urgent case, standard otherwise. A type
     * given is kept, even standard on an urgent case: whoever asked knows what they want.
     */
    public static SwarmType orDefault(SwarmType given, String casePriority) {
        if (given != null) {
            return given;
        }
        return "urgent".equals(casePriority) ? URGENT : STANDARD;
    }

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
