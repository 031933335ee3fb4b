package io.caseswarm.swarms.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum SwarmStatus {
    @JsonProperty("requested") REQUESTED,
    @JsonProperty("active") ACTIVE,
    @JsonProperty("closed") CLOSED,
    @JsonProperty("cancelled") CANCELLED
}
