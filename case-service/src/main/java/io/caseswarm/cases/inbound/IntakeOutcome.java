package io.caseswarm.cases.inbound;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What became of a mail taken in. */
public enum IntakeOutcome {
    /** It opened a new case. */
    @JsonProperty("opened") OPENED,
    /** It is a message on the case it answers. */
    @JsonProperty("added") ADDED,
    /** It answers a case that is closed, or resolved too long ago: it opened a new case linked to that one. */
    @JsonProperty("follow-up") FOLLOW_UP,
    /** An auto-reply, bulk mail or bounce: noted on the case it concerns, if any, and nothing more. */
    @JsonProperty("recorded") RECORDED,
    /** The same mail was taken in before; this copy changed nothing. */
    @JsonProperty("duplicate") DUPLICATE,
    /** Kept aside for an admin: unreadable, too large, or its sender over the hourly limit of new cases. */
    @JsonProperty("held") HELD;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether a case now holds the mail's content. */
    public boolean landedOnACase() {
        return this == OPENED || this == ADDED || this == FOLLOW_UP;
    }
}
