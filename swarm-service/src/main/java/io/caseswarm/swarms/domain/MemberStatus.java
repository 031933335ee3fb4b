package io.caseswarm.swarms.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum MemberStatus {
    @JsonProperty("invited") INVITED,
    @JsonProperty("joined") JOINED,
    @JsonProperty("declined") DECLINED,
    @JsonProperty("left") LEFT
}
