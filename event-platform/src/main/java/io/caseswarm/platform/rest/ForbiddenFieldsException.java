package io.caseswarm.platform.rest;

import java.util.List;

/**
 * The caller's roles do not let them set these fields (a customer choosing the owner, an expert making a
 * published article public): 403 problem+json naming each field and why, like a 400 names invalid ones.
 * Nothing is silently dropped.
 */
public class ForbiddenFieldsException extends RuntimeException {

    private final transient List<Problem.FieldError> fields;

    public ForbiddenFieldsException(List<Problem.FieldError> fields) {
        super("You may not set " + String.join(", ", fields.stream().map(Problem.FieldError::field).toList()) + ": "
                + String.join("; ", fields.stream().map(Problem.FieldError::message).toList()) + ".");
        this.fields = List.copyOf(fields);
    }

    public static ForbiddenFieldsException of(String field, String reason) {
        return new ForbiddenFieldsException(List.of(new Problem.FieldError(field, reason)));
    }

    public List<Problem.FieldError> fields() {
        return fields;
    }
}
