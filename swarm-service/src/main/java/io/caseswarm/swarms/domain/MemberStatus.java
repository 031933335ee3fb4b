package io.caseswarm.swarms.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum MemberStatus {
    @JsonProperty("invited") INVITED,
    @JsonProperty("joined") JOINED,
    @JsonProperty("declined") DECLINED,
    @JsonProperty("left") LEFT,
    /** Did not answer the invitation in time; the next candidate was asked instead. */
    @JsonProperty("expired") EXPIRED,
    /** Taken out of the swarm by its owner or a lead. */
    @JsonProperty("removed") REMOVED
}
