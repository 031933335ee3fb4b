package io.caseswarm.cases.sla;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a milestone stands. */
public enum SlaState {
    /** Counting, with more than the warning share of its time left. */
    @JsonProperty("running") RUNNING,
    /** Counting, with less than the warning share of its time left. */
    @JsonProperty("warning") WARNING,
    /** Its time is up and it is not met. */
    @JsonProperty("breached") BREACHED,
    /** Stopped while the case waits on the customer (or a third party); it resumes where it stopped. */
    @JsonProperty("paused") PAUSED,
    /** Met in time. */
    @JsonProperty("met") MET,
    /** Met, but late. */
    @JsonProperty("met-late") MET_LATE,
    /** The case was closed unresolved, or merged into another, before the milestone was met. */
    @JsonProperty("cancelled") CANCELLED
}
