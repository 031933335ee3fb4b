package io.caseswarm.cases.rest;

/** People are named by their directory ids (e.g. {@code ana.lima}), the same across all services. */
final class PersonIds {

    static final String PATTERN = "^[a-z0-9][a-z0-9._-]{1,63}$";
    static final String MESSAGE = "must be a person id: lower-case letters, digits, '.', '_' or '-'";

    private PersonIds() {
    }
}
