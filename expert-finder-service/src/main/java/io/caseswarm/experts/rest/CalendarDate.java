package io.caseswarm.experts.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date in a person's calendar, from 2000 to 2200: a date outside is a typo (0026 for 2026), and would only sit in
 * every lookup of the person's days off.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
@Constraint(validatedBy = CalendarDate.Validator.class)
public @interface CalendarDate {

    LocalDate FIRST = LocalDate.of(2000, 1, 1);
    LocalDate LAST = LocalDate.of(2200, 12, 31);

    String message() default "must be a date from 2000-01-01 to 2200-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CalendarDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || !date.isBefore(FIRST) && !date.isAfter(LAST);
        }
    }
}
