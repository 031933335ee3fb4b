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
 * A skill such as {@code kafka-streams}, {@code c++} or {@code node.js}. Skills are matched by name
 * between profiles, swarm requests and queries, so they are words, not free text.
 */
@Pattern(regexp = SkillName.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
public @interface SkillName {

    String PATTERN = "^[\\p{L}\\p{N}.][\\p{L}\\p{N} ._+#/-]{0,49}$";

    String message() default "must be a skill name: up to 50 letters, digits, spaces or . _ + # / -";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
