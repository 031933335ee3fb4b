package io.caseswarm.knowledge.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who may read an article once it is published: customers too, or only the staff. */
public enum Visibility {
    @JsonProperty("public") PUBLIC,
    @JsonProperty("internal") INTERNAL;

    /** Unsaid means internal: an article reaches customers only when someone chose so. */
    public static Visibility orInternal(Visibility visibility) {
        return visibility == null ? INTERNAL : visibility;
    }
}
