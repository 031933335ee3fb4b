package io.caseswarm.experts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a person can be reached now; how much it weighs in their availability. */
public enum Presence {
    @JsonProperty("available") AVAILABLE(1.0),
    @JsonProperty("busy") BUSY(0.4),
    @JsonProperty("away") AWAY(0.1),
    @JsonProperty("offline") OFFLINE(0.0);

    private final double weight;

    Presence(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}
