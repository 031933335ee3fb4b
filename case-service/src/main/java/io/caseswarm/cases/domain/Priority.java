package io.caseswarm.cases.domain;

import java.util.Arrays;
import java.util.Locale;

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

    /** The name the API and the events use, e.g. in a {@code case-updated} change: {@code high}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority ofLabel(String label) {
        return Arrays.stream(values()).filter(priority -> priority.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No priority " + label));
    }
}
