package io.caseswarm.cases.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum CaseStatus {
    @JsonProperty("open") OPEN,
    @JsonProperty("resolved") RESOLVED
}
