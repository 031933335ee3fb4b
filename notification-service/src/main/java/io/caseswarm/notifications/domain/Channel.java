package io.caseswarm.notifications.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.caseswarm.platform.rest.JsonEnums;

/** How a person wants to be notified: a Slack direct message, or a mail. */
public enum Channel {
    /** A direct message from the Caseswarm bot to the person's Slack user (from the directory). */
    @JsonProperty("slack") SLACK,
    @JsonProperty("email") EMAIL,
    /** "Do not notify me": deliveries are recorded as suppressed instead of sent. */
    @JsonProperty("none") NONE;

    /** The name clients, the database and the events use. */
    public String wireName() {
        return JsonEnums.nameOf(this);
    }
}
