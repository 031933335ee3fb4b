package io.caseswarm.experts.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Each skill at most once (names compare as the directory stores them: stripped, case-insensitive).
 * Two levels for one skill would leave the scoring to guess which one the person meant.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Constraint(validatedBy = DistinctSkills.Validator.class)
public @interface DistinctSkills {

    String message() default "must name each skill only once";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DistinctSkills, List<PersonRequest.SkillLevel>> {
        @Override
        public boolean isValid(List<PersonRequest.SkillLevel> skills, ConstraintValidatorContext context) {
            if (skills == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            return skills.stream().filter(Objects::nonNull).map(PersonRequest.SkillLevel::name)
                    .filter(Objects::nonNull).allMatch(name -> seen.add(name.strip().toLowerCase(Locale.ROOT)));
        }
    }
}
