package io.caseswarm.cases.domain;

import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a case is in its life, and the moves it allows. A case is {@code new} until somebody owns it;
 * {@code pending} waits on the customer, {@code on-hold} on a third party; {@code closed} is the end.
 */
public enum CaseStatus {
    @JsonProperty("new") NEW,
    @JsonProperty("open") OPEN,
    @JsonProperty("pending") PENDING,
    @JsonProperty("on-hold") ON_HOLD,
    @JsonProperty("resolved") RESOLVED,
    @JsonProperty("closed") CLOSED;

    /** The statuses a case in this one may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, CLOSED);
            case OPEN -> EnumSet.of(PENDING, ON_HOLD, RESOLVED, CLOSED);
            case PENDING -> EnumSet.of(OPEN, ON_HOLD, RESOLVED, CLOSED);
            case ON_HOLD -> EnumSet.of(OPEN, PENDING, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    /** Somebody is working the case: it may be reassigned, resolved, talked about. */
    public boolean isActive() {
        return this == OPEN || this == PENDING || this == ON_HOLD;
    }

    /** The name the API and the events use: {@code on-hold}, not {@code ON_HOLD}. */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
