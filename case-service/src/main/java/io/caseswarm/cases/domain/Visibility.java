package io.caseswarm.cases.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who may read a message on a case: {@code public} ones reach the customer, {@code internal} ones stay with staff. */
public enum Visibility {
    @JsonProperty("public") PUBLIC,
    @JsonProperty("internal") INTERNAL
}
