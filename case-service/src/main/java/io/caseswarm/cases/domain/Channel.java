package io.caseswarm.cases.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a case came in. */
public enum Channel {
    @JsonProperty("email") EMAIL,
    @JsonProperty("web") WEB,
    @JsonProperty("chat") CHAT,
    @JsonProperty("phone") PHONE,
    @JsonProperty("api") API;

    /** The name the API gives it ({@code email}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
