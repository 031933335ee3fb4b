package io.caseswarm.cases.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.caseswarm.cases.domain.Tags;

/**
 * A tag by {@link Tags}' rule, judged in composed form: a letter with its accent sent as two code
 * points (as some keyboards and systems decompose it) is one letter, as it is once the tag is stored.
 * Null is left to {@code @NotNull}.
 */
@Constraint(validatedBy = Tag.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
public @interface Tag {

    String message() default Tags.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Tag, String> {

        private static final Pattern RULE = Pattern.compile(Tags.PATTERN);

        @Override
        public boolean isValid(String tag, ConstraintValidatorContext context) {
            return tag == null || RULE.matcher(Tags.composed(tag)).matches();
        }
    }
}
