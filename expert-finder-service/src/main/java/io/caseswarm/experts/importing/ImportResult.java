package io.caseswarm.experts.importing;

import java.util.List;

import io.caseswarm.platform.rest.Problem.FieldError;

/**
 * What an import did: how many people it registered or changed ({@code applied}), and each line it refused, by its
 * number (from 1) and what was wrong with it, as {@code POST /people} names it.
 */
public record ImportResult(int applied, List<FailedLine> failed) {

    public record FailedLine(int line, List<FieldError> problems) {
    }
}
