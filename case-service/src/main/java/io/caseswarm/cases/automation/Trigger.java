package io.caseswarm.cases.automation;

import java.time.Duration;

/**
 * What sets a rule off: a case event ({@code event}, for SLA events of one {@code milestone} if given),
 * or, with {@code after}, that long after such an event, counted in business time on the case's SLA
 * calendar ({@code businessTime}) or on the clock. A timed rule checks its conditions when the time is up.
 */
public record Trigger(String event, String milestone, Duration after, boolean businessTime) {

    public boolean isTimed() {
        return after != null;
    }

    /** Whether an event of {@code type} whose milestone (null for most) is {@code eventMilestone} sets it off. */
    public boolean matches(String type, String eventMilestone) {
        return event.equals(type) && (milestone == null || milestone.equals(eventMilestone));
    }

    public String timeLabel() {
        return after == null ? null : businessTime ? "business" : "calendar";
    }
}
