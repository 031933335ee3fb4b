package io.caseswarm.notifications.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.caseswarm.platform.rest.JsonEnums;

/** How a person wants to be notified. Email is the only delivery channel built so far. */
public enum Channel {
    @JsonProperty("email") EMAIL,
    /** "Do not notify me": deliveries are recorded as suppressed instead of sent. */
    @JsonProperty("none") NONE;

    /** The name clients, the database and the events use. */
    public String wireName() {
        return JsonEnums.nameOf(this);
    }
}
