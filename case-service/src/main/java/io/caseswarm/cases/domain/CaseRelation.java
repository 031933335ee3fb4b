package io.caseswarm.cases.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a case stands to another, read as "this case {@code relation} that one". A link is recorded on
 * both cases, each with the relation as seen from its side: {@link #inverse()}.
 */
public enum CaseRelation {
    @JsonProperty("relates-to") RELATES_TO,
    @JsonProperty("caused-by") CAUSED_BY,
    @JsonProperty("causes") CAUSES,
    @JsonProperty("duplicate-of") DUPLICATE_OF,
    @JsonProperty("duplicated-by") DUPLICATED_BY;

    /** The same link as the other case records it. */
    public CaseRelation inverse() {
        return switch (this) {
            case RELATES_TO -> RELATES_TO;
            case CAUSED_BY -> CAUSES;
            case CAUSES -> CAUSED_BY;
            case DUPLICATE_OF -> DUPLICATED_BY;
            case DUPLICATED_BY -> DUPLICATE_OF;
        };
    }

    /**
     * Whether staff link cases this way themselves. The duplicate relations come only from a merge, which
     * also closes the duplicate; {@code causes} is the other side of {@code caused-by}.
     */
    public boolean isLinkedByHand() {
        return this == RELATES_TO || this == CAUSED_BY;
    }

    /** The name the API and the events use: {@code caused-by}, not {@code CAUSED_BY}. */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
