package io.caseswarm.notifications.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.caseswarm.platform.rest.JsonEnums;

/**
 * How soon a notice should reach its recipient. Their preference decides what that means: urgent news
 * reaches them in quiet hours only if they opted in; normal news waits for the quiet hours to end;
 * low-urgency news goes into their daily digest when they have one.
 */
public enum Urgency {
    @JsonProperty("urgent") URGENT,
    @JsonProperty("normal") NORMAL,
    @JsonProperty("low") LOW;

    public String wireName() {
        return JsonEnums.nameOf(this);
    }
}
