package io.caseswarm.cases.inbound;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a mail was kept aside instead of reaching a case. */
public enum HoldReason {
    /** Not a mail the desk can read: no sender, or a structure Jakarta Mail cannot follow. */
    @JsonProperty("unreadable") UNREADABLE,
    /** Larger than the desk takes in ({@code caseswarm.email.max-mail-size}). */
    @JsonProperty("too-large") TOO_LARGE,
    /** Its sender opened more new cases this hour than allowed: a loop or a flood, until somebody looks. */
    @JsonProperty("throttled") THROTTLED,
    /** Intake failed on it for a reason of its own, not an outage: kept so the mailbox is not stuck on it. */
    @JsonProperty("failed") FAILED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
