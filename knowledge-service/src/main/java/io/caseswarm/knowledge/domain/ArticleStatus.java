package io.caseswarm.knowledge.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ArticleStatus {
    @JsonProperty("draft") DRAFT,
    @JsonProperty("published") PUBLISHED
}
