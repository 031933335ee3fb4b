package io.caseswarm.cases.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.caseswarm.cases.domain.CaseRelation;
import io.caseswarm.platform.rest.InvalidFieldException;

/**
 * The body of {@code POST /cases/{id}/links}: {@code {"relation": "caused-by", "case": "<other id>"}}, read
 * "this case is caused by that one". {@code case} is a Java keyword, hence the component's other name.
 */
public record LinkRequest(@NotNull CaseRelation relation, @JsonProperty("case") UUID linkedCase) {

    /** The other case; checked here rather than by bean validation, which would name the field {@code linkedCase}. */
    UUID requiredLinkedCase() {
        if (linkedCase == null) {
            throw new InvalidFieldException("case", "must not be null");
        }
        return linkedCase;
    }
}
