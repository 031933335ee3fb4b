package io.caseswarm.experts.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A query parameter holding a comma-separated list ({@code ?skills=billing,sync}): from {@code minEntries}
 * to {@code maxEntries} entries, each matching {@code regexp} once stripped of spaces. Empty entries are ignored.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Constraint(validatedBy = CommaSeparated.Validator.class)
public @interface CommaSeparated {

    String regexp();

    int minEntries() default 0;

    int maxEntries();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CommaSeparated, String> {

        private Pattern entry;
        private int minEntries;
        private int maxEntries;

        @Override
        public void initialize(CommaSeparated annotation) {
            entry = Pattern.compile(annotation.regexp());
            minEntries = annotation.minEntries();
            maxEntries = annotation.maxEntries();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            List<String> entries = Arrays.stream(value.split(",")).map(String::strip).filter(e -> !e.isEmpty())
                    .toList();
            return entries.size() >= minEntries && entries.size() <= maxEntries
                    && entries.stream().allMatch(e -> entry.matcher(e).matches());
        }
    }
}
