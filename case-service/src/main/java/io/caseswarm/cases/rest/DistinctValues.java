package io.caseswarm.cases.rest;

import java.util.ArrayList;
import java.util.List;

import io.caseswarm.platform.rest.InvalidFieldException;

/** A list in a request whose values each count once: stripped, and a repeat refused naming its place. */
final class DistinctValues {

    private DistinctValues() {
    }

    /** The values stripped, in the order sent; null is the empty list. */
    static List<String> of(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> stripped = new ArrayList<>();
        for (String value : values) {
            if (stripped.contains(value.strip())) {
                throw new InvalidFieldException(field + "[" + stripped.size() + "]", "repeats an earlier value");
            }
            stripped.add(value.strip());
        }
        return List.copyOf(stripped);
    }
}
