package io.caseswarm.cases.sla;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the desk promises to do by when. */
public enum SlaMilestone {
    /** The first public reply by somebody working the case. */
    @JsonProperty("first-response") FIRST_RESPONSE,
    /** A public reply after each message of the customer's that follows the first response. */
    @JsonProperty("next-response") NEXT_RESPONSE,
    /** The case resolved. */
    @JsonProperty("resolution") RESOLUTION;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The milestone named {@code label} ({@code first-response}). */
    public static SlaMilestone fromLabel(String label) {
        return java.util.Arrays.stream(values()).filter(milestone -> milestone.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No SLA milestone " + label));
    }
}
