package io.caseswarm.platform.rest;

import java.util.List;

/**
 * A field that passed bean validation but not the service's own rules (an unknown custom field, a cursor
 * that is not one of ours): 400 problem+json naming it, like a bean-validation failure.
 */
public class InvalidFieldException extends RuntimeException {

    private final transient Problem.FieldError field;

    public InvalidFieldException(String field, String reason) {
        super(field + ": " + reason);
        this.field = new Problem.FieldError(field, reason);
    }

    public List<Problem.FieldError> fields() {
        return List.of(field);
    }
}
