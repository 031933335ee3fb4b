package io.caseswarm.experts.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A person id such as {@code ana.lima}: it is the user name in the caller's token, so "is this me?" is a
 * plain comparison. Lower-case only, so that {@code Ana.Lima} cannot become a second person; {@code @} is
 * allowed for directories that use e-mail addresses as user names.
 */
@Pattern(regexp = PersonId.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
public @interface PersonId {

    String PATTERN = "^[a-z0-9][a-z0-9._@-]{1,63}$";

    String message() default "must be a person id: 2 to 64 lower-case letters, digits, '.', '_', '@' or '-'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
