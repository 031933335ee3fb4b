package io.caseswarm.cases.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a case came in. */
public enum Channel {
    @JsonProperty("email") EMAIL,
    @JsonProperty("web") WEB,
    @JsonProperty("chat") CHAT,
    @JsonProperty("phone") PHONE,
    @JsonProperty("api") API
}
