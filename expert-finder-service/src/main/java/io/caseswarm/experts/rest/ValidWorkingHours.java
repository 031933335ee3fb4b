package io.caseswarm.experts.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A working day that ends at another time than it starts. An end before the start spans midnight; an
 * end equal to the start would be a day of no minutes (or of all of them), so it is refused as ambiguous.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE })
@Constraint(validatedBy = ValidWorkingHours.Validator.class)
public @interface ValidWorkingHours {

    String message() default "must differ from the start; for a whole day use 00:00 to 23:59";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidWorkingHours, PersonRequest.Hours> {
        @Override
        public boolean isValid(PersonRequest.Hours hours, ConstraintValidatorContext context) {
            if (hours == null || hours.start() == null || hours.end() == null || !hours.start().equals(hours.end())) {
                return true;
            }
            // Name the field the client has to change, not the object around it.
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("end").addConstraintViolation();
            return false;
        }
    }
}
