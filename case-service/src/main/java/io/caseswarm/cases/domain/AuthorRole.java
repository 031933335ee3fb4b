package io.caseswarm.cases.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The role somebody writes on a case in; a customer's message can move the case, staff's do not. */
public enum AuthorRole {
    @JsonProperty("customer") CUSTOMER,
    @JsonProperty("agent") AGENT,
    @JsonProperty("lead") LEAD,
    @JsonProperty("integration") INTEGRATION
}
