package io.caseswarm.experts.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Time off that ends on or after the day it starts (both days included: one day off is from = to). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE })
@Constraint(validatedBy = ValidDateRange.Validator.class)
public @interface ValidDateRange {

    String message() default "must not be before from";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidDateRange, PersonRequest.TimeOff> {
        @Override
        public boolean isValid(PersonRequest.TimeOff range, ConstraintValidatorContext context) {
            if (range == null || range.from() == null || range.to() == null || !range.to().isBefore(range.from())) {
                return true;
            }
            // Name the field the client has to change, not the object around it.
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("to").addConstraintViolation();
            return false;
        }
    }
}
