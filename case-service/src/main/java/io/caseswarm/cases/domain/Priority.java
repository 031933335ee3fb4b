package io.caseswarm.cases.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Priority {
    @JsonProperty("low") LOW,
    @JsonProperty("normal") NORMAL,
    @JsonProperty("high") HIGH,
    @JsonProperty("urgent") URGENT;

    /** Higher is more urgent: what queues sort by. */
    public int rank() {
        return ordinal();
    }
}
