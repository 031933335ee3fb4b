package io.caseswarm.cases.domain;

import java.util.List;

/** What fixed the case, and the people (directory ids) who helped. */
public record Resolution(String summary, List<String> helpedBy) {

    public Resolution {
        helpedBy = helpedBy == null ? List.of() : List.copyOf(helpedBy);
    }
}
